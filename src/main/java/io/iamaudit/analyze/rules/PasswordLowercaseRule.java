package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The password policy requires a lowercase letter. */
public final class PasswordLowercaseRule extends PasswordPolicyCheck {
    public PasswordLowercaseRule() {
        super(rule("IAM.PASSWORD.LOWERCASE", "Password policy requires a lowercase letter", Severity.LOW)
                .wellArchitected("SEC02-BP01").securityHub("IAM.12")
                .rationale("Each required character class widens the space an attacker must search.")
                .remediation("Set RequireLowercaseCharacters = true in the account password policy.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        return p.requireLowercaseCharacters() ? null : "RequireLowercaseCharacters = false";
    }
}
