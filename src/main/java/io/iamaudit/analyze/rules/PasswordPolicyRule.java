package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The account has a password policy at all (without one, IAM's default allows 8-character passwords). */
public final class PasswordPolicyRule extends BaseRule {
    public PasswordPolicyRule() {
        super(rule("IAM.PASSWORD.POLICY", "Account has a password policy", Severity.MEDIUM)
                .wellArchitected("SEC02-BP01").securityHub("IAM.7")
                .rationale("Without a custom policy IAM accepts any 8-character password with no complexity, "
                        + "reuse or expiry requirement.")
                .remediation("Set an account password policy (UpdateAccountPasswordPolicy) meeting the benchmark.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.passwordPolicy().value().isPresent() ? List.of()
                : List.of(Evidence.account(s, "GetAccountPasswordPolicy: NoSuchEntity (no password policy)"));
    }
}
