package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.DataSet.ACCESS_ANALYZER;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** No ACTIVE external-access findings: every share outside the zone of trust is intended (archived) or removed. */
public final class ExternalAccessFindingsRule extends BaseRule {
    public ExternalAccessFindingsRule() {
        super(rule("IAM.ANALYZER.EXTERNAL_FINDINGS", "No unreviewed external access", Severity.HIGH)
                .wellArchitected("SEC03-BP07")
                .rationale("An active finding is access from outside the organization nobody has confirmed.")
                .remediation("Remove the access, or archive the finding (with an archive rule) when intended.")
                .needs(ACCESS_ANALYZER).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.accessAnalyzer().value().findings().stream()
                .filter(f -> "ExternalAccess".equals(f.findingType()) && "ACTIVE".equals(f.status()))
                .map(f -> AnalyzerFindings.violation(f, describe(f))).toList();
    }

    private static String describe(AnalyzerFinding f) {
        String who = f.principal().entrySet().stream().map(Map.Entry::getValue).reduce((a, b) -> a + ", " + b)
                .orElse("?");
        return (Boolean.TRUE.equals(f.isPublic()) ? "PUBLIC access" : "access for " + who) + ": "
                + String.join(", ", f.actions());
    }
}
