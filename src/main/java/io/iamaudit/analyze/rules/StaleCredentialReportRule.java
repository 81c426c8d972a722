package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * The credential report was generated at most {@code credentialReportMaxAgeHours} before collection: the credential
 * rules' evidence is only as fresh as the report.
 */
public final class StaleCredentialReportRule extends BaseRule {
    public StaleCredentialReportRule() {
        super(rule("IAM.CREDENTIAL_REPORT.STALE", "Credential report is fresh", Severity.LOW)
                .wellArchitected("SEC02-BP05")
                .rationale("IAM serves a cached report for up to 4 hours; an older one means the collector could "
                        + "not regenerate it and recent credential changes are missing.")
                .remediation("Check that the audit role may call iam:GenerateCredentialReport, and re-run.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant generated = Evidence.report(s).generatedTime();
        Instant collected = ctx.asOf(s);
        int max = ctx.thresholds().credentialReportMaxAgeHours();
        if (generated == null) {
            return List.of(Evidence.account(s, "credential report has no GeneratedTime"));
        }
        long hours = Duration.between(generated, collected).toHours();
        return hours <= max ? List.of() : List.of(Evidence.account(s, "generated " + generated + ", " + hours
                + " hours before collection (> " + max + ")"));
    }
}
