package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The password policy requires a symbol. */
public final class PasswordSymbolRule extends PasswordPolicyCheck {
    public PasswordSymbolRule() {
        super(rule("IAM.PASSWORD.SYMBOL", "Password policy requires a symbol", Severity.LOW)
                .wellArchitected("SEC02-BP01").securityHub("IAM.13")
                .rationale("Each required character class widens the space an attacker must search.")
                .remediation("Set RequireSymbols = true in the account password policy.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        return p.requireSymbols() ? null : "RequireSymbols = false";
    }
}
