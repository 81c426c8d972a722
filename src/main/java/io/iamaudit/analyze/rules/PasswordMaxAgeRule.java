package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.PASSWORD_POLICY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Passwords expire within {@code maxPasswordAge} (90) days. */
public final class PasswordMaxAgeRule extends PasswordPolicyCheck {
    public PasswordMaxAgeRule() {
        super(rule("IAM.PASSWORD.MAX_AGE", "Password policy expires passwords within 90 days", Severity.LOW)
                .wellArchitected("SEC02-BP01").securityHub("IAM.17")
                .rationale("Expiry bounds how long a leaked password stays useful (Security Hub IAM.17; CIS "
                        + "dropped the control in later versions in favour of MFA).")
                .remediation("Set MaxPasswordAge to 90 days or less, or accept the risk with an exception "
                        + "when MFA is enforced.")
                .needs(PASSWORD_POLICY).build());
    }

    @Override
    String weakness(PasswordPolicy p, AnalysisContext ctx) {
        int max = ctx.thresholds().maxPasswordAge();
        Integer age = p.expirePasswords() ? p.maxPasswordAge() : null;
        if (age == null) {
            return "passwords never expire";
        }
        return age <= max ? null : "MaxPasswordAge = " + age + " days (> " + max + ")";
    }
}
