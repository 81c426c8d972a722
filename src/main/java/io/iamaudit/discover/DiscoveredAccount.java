package io.iamaudit.discover;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;

import java.util.Map;

/**
 * An account of the organization and whether it is audited.
 *
 * @param skipReason {@code null} when the account is audited; otherwise why not (suspended, excluded by filter)
 */
public record DiscoveredAccount(AccountRef account, String skipReason) {

    public boolean audited() {
        return skipReason == null;
    }

    /** The account's first coverage row: PENDING until collected, or SKIPPED with the reason. */
    public AccountCoverage initialCoverage(String runId) {
        return new AccountCoverage(runId, account.accountId(), account.name(), account.ouPath(),
                audited() ? AccountCoverage.Status.PENDING : AccountCoverage.Status.SKIPPED,
                audited() ? "" : skipReason, null, Map.of());
    }
}
