package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the review header says about a run: who collected what, when, from which population.
 *
 * @param accountsDiscovered accounts the discovery found (the population), before filters
 * @param ruleCatalogVersion the analyzer's rule catalog version, as given by the caller
 */
public record ReportContext(AuditRun run, int accountsDiscovered, List<AccountCoverage> coverage,
                            Instant generatedAt, String toolVersion, String ruleCatalogVersion) {
    public ReportContext {
        Objects.requireNonNull(run, "run");
        coverage = List.copyOf(coverage);
    }

    public String runId() {
        return run.runId();
    }

    public CoverageSummary coverageSummary() {
        return CoverageSummary.of(coverage);
    }

    /** The first and last collection time across accounts, or {@code null}s when nothing was collected. */
    public Instant firstCollected() {
        return coverage.stream().map(AccountCoverage::collectedAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }

    public Instant lastCollected() {
        return coverage.stream().map(AccountCoverage::collectedAt).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
    }

    /** The jar's Implementation-Version, or {@code development} when run from classes. */
    public static String currentToolVersion() {
        String version = ReportContext.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
