package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Every IAM user with a console password has MFA. */
public final class ConsoleUserMfaRule extends BaseRule {
    public ConsoleUserMfaRule() {
        super(rule("IAM.USER.CONSOLE_MFA", "Console users have MFA", Severity.HIGH)
                .wellArchitected("SEC02-BP01")
                .cis("v3.0", "1.10").cis("v5.0", "1.9").cis("v6.0", "2.9").securityHub("IAM.5", "IAM.19")
                .rationale("A console password without MFA is a single factor that can be phished or guessed.")
                .remediation("Enable MFA for the user, or remove the console password if it is not needed.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.users(s).filter(r -> Evidence.console(r) && !r.mfaActive())
                .map(r -> Evidence.user(r, "password_enabled = true, mfa_active = false; password last used "
                        + Evidence.date(r.passwordLastUsed())))
                .toList();
    }
}
