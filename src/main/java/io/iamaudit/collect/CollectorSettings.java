package io.iamaudit.collect;

import java.time.Duration;

/**
 * Tuning of one account's collection.
 *
 * @param credentialReportPoller waits for the credential report (IAM usually needs seconds, large accounts minutes)
 * @param lastAccessedPoller     waits for all last-accessed jobs of the account together
 * @param authorizationPageSize  MaxItems of GetAccountAuthorizationDetails (1-1000)
 */
public record CollectorSettings(Poller credentialReportPoller, Poller lastAccessedPoller, int authorizationPageSize) {

    public static CollectorSettings defaults() {
        return new CollectorSettings(Poller.withBudget(Duration.ofMinutes(5)), Poller.withBudget(Duration.ofMinutes(10)),
                AuthorizationDetailsCollector.DEFAULT_PAGE_SIZE);
    }
}
