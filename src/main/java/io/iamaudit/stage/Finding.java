package io.iamaudit.stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One rule finding about one identity (or about the account itself, when {@code principalType} is {@code Account}).
 *
 * @param findingId       stable across runs: the same identity and rule give the same id
 * @param status          FAIL, EXCEPTED (an exception applies) or NOT_EVALUATED (the rule's input was not collected)
 * @param wellArchitected e.g. {@code SEC02-BP01}
 * @param cis             CIS AWS Foundations ids per benchmark version, e.g. {@code v3.0 1.5; v5.0 1.4}
 * @param securityHub     Security Hub control ids, e.g. {@code IAM.9}
 * @param exceptionNote   why an exception applies, or that it expired
 */
public record Finding(String findingId, String runId, String accountId, String accountName, String ouPath,
                      String principalType, String principalName, String principalArn,
                      String ruleId, String title, Severity severity, Status status,
                      List<String> wellArchitected, String cis, String securityHub,
                      String evidence, String recommendation, Instant firstSeen,
                      String exceptionOwner, LocalDate exceptionExpiry, String exceptionNote) {

    public Finding {
        wellArchitected = wellArchitected == null ? List.of() : List.copyOf(wellArchitected);
    }

    public enum Status { FAIL, EXCEPTED, NOT_EVALUATED }

    /** The same finding, first seen at the earlier of its own date and {@code earlier}. */
    public Finding withFirstSeenNoLaterThan(Instant earlier) {
        if (earlier == null || (firstSeen != null && !earlier.isBefore(firstSeen))) {
            return this;
        }
        return new Finding(findingId, runId, accountId, accountName, ouPath, principalType, principalName,
                principalArn, ruleId, title, severity, status, wellArchitected, cis, securityHub, evidence,
                recommendation, earlier, exceptionOwner, exceptionExpiry, exceptionNote);
    }
}
