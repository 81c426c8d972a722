package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The password policy requires a number. */
public final class PasswordNumberRule extends PasswordPolicyCheck {
    public PasswordNumberRule() {
        super(rule("IAM.PASSWORD.NUMBER", "Password policy requires a number", Severity.LOW)
                .wellArchitected("SEC02-BP01").securityHub("IAM.14")
                .rationale("Each required character class widens the space an attacker must search.")
                .remediation("Set RequireNumbers = true in the account password policy.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        return p.requireNumbers() ? null : "RequireNumbers = false";
    }
}
