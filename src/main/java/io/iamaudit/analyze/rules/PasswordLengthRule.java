package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Minimum password length at least {@code minPasswordLength} (14). */
public final class PasswordLengthRule extends PasswordPolicyCheck {
    public PasswordLengthRule() {
        super(rule("IAM.PASSWORD.MIN_LENGTH", "Password policy requires 14 or more characters", Severity.MEDIUM)
                .wellArchitected("SEC02-BP01")
                .cis("v3.0", "1.8").cis("v5.0", "1.7").cis("v6.0", "2.7").securityHub("IAM.15")
                .rationale("Length is what makes passwords resist guessing and cracking.")
                .remediation("Set MinimumPasswordLength to 14 or more.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        int min = ctx.thresholds().minPasswordLength();
        return p.minimumPasswordLength() >= min ? null
                : "MinimumPasswordLength = " + p.minimumPasswordLength() + " (< " + min + ")";
    }
}
