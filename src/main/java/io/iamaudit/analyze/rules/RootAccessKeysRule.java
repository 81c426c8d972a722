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

/** The root user has no access keys. */
public final class RootAccessKeysRule extends BaseRule {
    public RootAccessKeysRule() {
        super(rule("IAM.ROOT.ACCESS_KEYS", "Root user has no access keys", Severity.CRITICAL)
                .wellArchitected("SEC02-BP02")
                .cis("v3.0", "1.4").cis("v5.0", "1.3").cis("v6.0", "2.3").securityHub("IAM.4")
                .rationale("A root access key is a long-lived, unrestricted credential that no policy can limit.")
                .remediation("Delete the root user's access keys; use roles with temporary credentials.")
                .needs(ACCOUNT_SUMMARY).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.summary().value().rootAccessKeysPresent()
                ? List.of(Evidence.root(s, "GetAccountSummary: AccountAccessKeysPresent = "
                + s.summary().value().summaryMap().get("AccountAccessKeysPresent")))
                : List.of();
    }
}
