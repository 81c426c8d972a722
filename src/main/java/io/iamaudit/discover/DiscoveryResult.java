package io.iamaudit.discover;

import java.util.List;

/** The organization as discovered: every account, audited or with the reason it is skipped. */
public record DiscoveryResult(String organizationId, String managementAccountId, List<DiscoveredAccount> accounts) {

    public DiscoveryResult {
        accounts = List.copyOf(accounts);
    }

    public List<DiscoveredAccount> audited() {
        return accounts.stream().filter(DiscoveredAccount::audited).toList();
    }

    public List<DiscoveredAccount> skipped() {
        return accounts.stream().filter(a -> !a.audited()).toList();
    }
}
