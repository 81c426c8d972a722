package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.ACCESS_ANALYZER;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** An active external-access analyzer (the account's own or the organization's) covers the account. */
public final class ExternalAccessAnalyzerRule extends BaseRule {
    public ExternalAccessAnalyzerRule() {
        super(rule("IAM.ANALYZER.EXTERNAL_ACCESS", "An external-access analyzer covers the account", Severity.MEDIUM)
                .wellArchitected("SEC03-BP07")
                .cis("v3.0", "1.20").cis("v5.0", "1.19").cis("v6.0", "2.19").securityHub("IAM.28")
                .rationale("Without an analyzer, resources shared outside the organization go unnoticed.")
                .remediation("Create an ORGANIZATION analyzer in the delegated administrator account (or an "
                        + "ACCOUNT analyzer) in every Region in use.")
                .needs(ACCESS_ANALYZER).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.accessAnalyzer().value().covers(s.account().accountId(), "ACCOUNT", "ORGANIZATION") ? List.of()
                : List.of(Evidence.account(s, "no ACTIVE analyzer of type ACCOUNT or ORGANIZATION ("
                + s.accessAnalyzer().value().analyzers().size() + " analyzer(s) seen)"));
    }
}
