package io.iamaudit.analyze.exceptions;

import io.iamaudit.policy.Glob;

import java.time.LocalDate;

/**
 * One accepted risk.
 *
 * @param identity a glob over the principal ARN ({@code arn:aws:iam::*:role/legacy-*}) or over its name
 *                 ({@code svc-*}); {@code *} and {@code ?} as in IAM
 * @param rule     a rule id, or {@code *} for every rule
 * @param account  a 12-digit account id; {@code null} for any account
 * @param expires  the last day the exception applies (inclusive, UTC)
 */
public record AuditException(String identity, String rule, String account, String owner, String reason,
                             LocalDate expires) {

    public boolean matches(String accountId, String ruleId, String principalName, String principalArn) {
        if (account != null && !account.equals(accountId)) {
            return false;
        }
        if (!"*".equals(rule) && !rule.equalsIgnoreCase(ruleId)) {
            return false;
        }
        return (principalArn != null && Glob.matches(identity, principalArn))
                || (principalName != null && Glob.matches(identity, principalName));
    }

    public boolean activeOn(LocalDate day) {
        return !day.isAfter(expires);
    }
}
