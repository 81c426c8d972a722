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

/** An active unused-access analyzer covers the account (it feeds least privilege with unused-permission findings). */
public final class UnusedAccessAnalyzerRule extends BaseRule {
    public UnusedAccessAnalyzerRule() {
        super(rule("IAM.ANALYZER.UNUSED_ACCESS", "An unused-access analyzer covers the account", Severity.LOW)
                .wellArchitected("SEC03-BP04", "SEC02-BP05")
                .rationale("Continuous unused-access analysis finds idle roles, keys, passwords and permissions "
                        + "between audits.")
                .remediation("Create an ORGANIZATION_UNUSED_ACCESS analyzer (or ACCOUNT_UNUSED_ACCESS).")
                .needs(ACCESS_ANALYZER).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.accessAnalyzer().value().covers(s.account().accountId(), "ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS")
                ? List.of() : List.of(Evidence.account(s, "no ACTIVE analyzer of type ACCOUNT_UNUSED_ACCESS or "
                + "ORGANIZATION_UNUSED_ACCESS"));
    }
}
