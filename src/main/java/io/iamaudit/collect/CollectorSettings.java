package io.iamaudit.collect;

import java.time.Duration;

/**
 * Tuning of one account's collection.
 *
 * @param credentialReportPoller waits for the credential report (IAM usually needs seconds, large accounts minutes)
 * @param lastAccessedPoller     waits for all last-accessed jobs of the account together
 * @param authorizationPageSize  MaxItems of GetAccountAuthorizationDetails (1-1000)
 * @param regions                where regional services (Secrets Manager) are read: {@code iam-audit.regions}; empty
 *                               reads each account's enabled regions (Account Management ListRegions)
 */
public record CollectorSettings(Poller credentialReportPoller, Poller lastAccessedPoller, int authorizationPageSize,
                                java.util.List<String> regions) {

    public CollectorSettings {
        regions = regions == null ? java.util.List.of() : java.util.List.copyOf(regions);
    }

    public CollectorSettings(Poller credentialReportPoller, Poller lastAccessedPoller, int authorizationPageSize) {
        this(credentialReportPoller, lastAccessedPoller, authorizationPageSize, java.util.List.of());
    }

    public CollectorSettings withRegions(java.util.List<String> configured) {
        return new CollectorSettings(credentialReportPoller, lastAccessedPoller, authorizationPageSize, configured);
    }

    public static CollectorSettings defaults() {
        return new CollectorSettings(Poller.withBudget(Duration.ofMinutes(5)), Poller.withBudget(Duration.ofMinutes(10)),
                AuthorizationDetailsCollector.DEFAULT_PAGE_SIZE);
    }
}
