package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountCoverage.Status;

import java.util.List;

/** How many accounts of the run were audited, skipped, failed or are still pending. */
public record CoverageSummary(int total, int audited, int skipped, int failed, int pending) {

    public static CoverageSummary of(List<AccountCoverage> coverage) {
        return new CoverageSummary(coverage.size(), count(coverage, Status.AUDITED), count(coverage, Status.SKIPPED),
                count(coverage, Status.FAILED), count(coverage, Status.PENDING));
    }

    private static int count(List<AccountCoverage> coverage, Status status) {
        return (int) coverage.stream().filter(c -> c.status() == status).count();
    }
}
