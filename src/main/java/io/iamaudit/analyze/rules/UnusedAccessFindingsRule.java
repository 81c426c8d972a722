package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.ACCESS_ANALYZER;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** No ACTIVE unused-access findings (unused roles, keys, passwords, permissions). */
public final class UnusedAccessFindingsRule extends BaseRule {
    private static final Set<String> TYPES = Set.of("UnusedIAMRole", "UnusedIAMUserAccessKey",
            "UnusedIAMUserPassword", "UnusedPermission");

    public UnusedAccessFindingsRule() {
        super(rule("IAM.ANALYZER.UNUSED_FINDINGS", "No open unused-access findings", Severity.LOW)
                .wellArchitected("SEC03-BP04", "SEC02-BP05")
                .rationale("Access Analyzer already knows these grants are unused; each one is free to remove.")
                .remediation("Act on the finding (see the least-privilege sheet) or archive it.")
                .needs(ACCESS_ANALYZER).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.accessAnalyzer().value().findings().stream()
                .filter(f -> TYPES.contains(f.findingType()) && "ACTIVE".equals(f.status()))
                .map(f -> AnalyzerFindings.violation(f, describe(f))).toList();
    }

    private static String describe(AnalyzerFinding f) {
        return switch (f.findingType()) {
            case "UnusedPermission" -> "unused permissions in " + f.unusedPermissions().size() + " service(s): "
                    + String.join(", ", f.unusedPermissions().stream().map(p -> p.serviceNamespace()).toList());
            case "UnusedIAMUserAccessKey" -> "access key ..." + last4(f.accessKeyId()) + " last used "
                    + Evidence.date(f.lastAccessed());
            default -> f.findingType() + ", last accessed " + Evidence.date(f.lastAccessed());
        };
    }

    private static String last4(String keyId) {
        return keyId == null || keyId.length() < 4 ? "?" : keyId.substring(keyId.length() - 4);
    }
}
