package io.iamaudit.stage;

import java.time.Instant;
import java.util.Map;

/**
 * The audit status of one account in one run.
 *
 * @param reason   why an account was skipped or failed; for an audited account, the data sets that could not be
 *                 collected (empty when all were)
 * @param awsCalls AWS API calls made for this account, by {@code service:Operation}
 */
public record AccountCoverage(String runId, String accountId, String accountName, String ouPath, Status status,
                              String reason, Instant collectedAt, Map<String, Long> awsCalls) {
    public AccountCoverage {
        awsCalls = awsCalls == null ? Map.of() : Map.copyOf(awsCalls);
    }

    public enum Status { PENDING, AUDITED, SKIPPED, FAILED }

    public long totalCalls() {
        return awsCalls.values().stream().mapToLong(Long::longValue).sum();
    }
}
