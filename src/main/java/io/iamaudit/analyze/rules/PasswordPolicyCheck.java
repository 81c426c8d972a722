package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.RuleMetadata;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.PasswordPolicy;

import java.util.List;
import java.util.Optional;

/**
 * Base of the password-policy weakness rules: each checks one property. No policy at all fails every one of them,
 * as IAM's defaults meet none (Prowler and Security Hub do the same).
 */
abstract class PasswordPolicyCheck extends BaseRule {

    PasswordPolicyCheck(RuleMetadata metadata) {
        super(metadata);
    }

    /** The weakness, or {@code null} when the policy meets this rule. */
    abstract String weakness(PasswordPolicy policy, AnalysisContext ctx);

    @Override
    protected final List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Optional<PasswordPolicy> policy = s.passwordPolicy().value();
        if (policy.isEmpty()) {
            return List.of(Evidence.account(s, "no password policy: IAM defaults apply"));
        }
        String weakness = weakness(policy.get(), ctx);
        return weakness == null ? List.of() : List.of(Evidence.account(s, weakness));
    }
}
