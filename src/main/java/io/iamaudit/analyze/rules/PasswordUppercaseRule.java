package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The password policy requires an uppercase letter. */
public final class PasswordUppercaseRule extends PasswordPolicyCheck {
    public PasswordUppercaseRule() {
        super(rule("IAM.PASSWORD.UPPERCASE", "Password policy requires an uppercase letter", Severity.LOW)
                .wellArchitected("SEC02-BP01").securityHub("IAM.11")
                .rationale("Each required character class widens the space an attacker must search.")
                .remediation("Set RequireUppercaseCharacters = true in the account password policy.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        return p.requireUppercaseCharacters() ? null : "RequireUppercaseCharacters = false";
    }
}
