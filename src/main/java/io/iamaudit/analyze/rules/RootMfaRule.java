package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.ACCOUNT_SUMMARY;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The root user must have MFA: it can do anything, including closing the account. */
public final class RootMfaRule extends BaseRule {
    public RootMfaRule() {
        super(rule("IAM.ROOT.MFA", "Root user has MFA enabled", Severity.CRITICAL)
                .wellArchitected("SEC02-BP01")
                .cis("v3.0", "1.5").cis("v5.0", "1.4").cis("v6.0", "2.4").securityHub("IAM.9")
                .rationale("The root user has unrestricted access; a password alone is one phishing away from "
                        + "losing the account.")
                .remediation("Enable MFA for the root user (a hardware key for accounts that keep root "
                        + "credentials; centralize root access in Organizations where possible).")
                .needs(ACCOUNT_SUMMARY).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        if (RootCredentials.memberWithoutCredentials(s, ctx)) {
            return List.of(); // centralized root access: this root has no password or key for MFA to protect
        }
        return s.summary().value().rootMfaEnabled() ? List.of()
                : List.of(Evidence.root(s, "GetAccountSummary: AccountMFAEnabled = 0"));
    }
}
