package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Password reuse prevention remembers at least {@code passwordReuse} (24) passwords. */
public final class PasswordReuseRule extends PasswordPolicyCheck {
    public PasswordReuseRule() {
        super(rule("IAM.PASSWORD.REUSE", "Password policy prevents reuse of the last 24 passwords", Severity.MEDIUM)
                .wellArchitected("SEC02-BP01")
                .cis("v3.0", "1.9").cis("v5.0", "1.8").cis("v6.0", "2.8").securityHub("IAM.16")
                .rationale("Reused passwords bring back credentials that may already have leaked.")
                .remediation("Set PasswordReusePrevention to 24.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        int want = ctx.thresholds().passwordReuse();
        Integer reuse = p.passwordReusePrevention();
        return reuse != null && reuse >= want ? null
                : "PasswordReusePrevention = " + (reuse == null ? "not set" : reuse) + " (< " + want + ")";
    }
}
