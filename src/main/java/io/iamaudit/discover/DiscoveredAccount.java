package io.iamaudit.discover;

import io.iamaudit.stage.AccountRef;

/**
 * An account of the organization and whether it is audited.
 *
 * @param skipReason {@code null} when the account is audited; otherwise why not (suspended, excluded by filter)
 */
public record DiscoveredAccount(AccountRef account, String skipReason) {

    public boolean audited() {
        return skipReason == null;
    }
}
