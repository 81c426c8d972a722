package io.iamaudit.collect;

import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.ListRegionsRequest;
import software.amazon.awssdk.services.account.model.ListRegionsResponse;
import software.amazon.awssdk.services.account.model.RegionOptStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The regions to read an account's regional services in: the configured list ({@code iam-audit.regions}) when set,
 * otherwise the account's own answer to Account Management ListRegions. ListRegions names every region of the
 * partition with its opt-in status; only ENABLED and ENABLED_BY_DEFAULT ones can hold resources, the others are kept
 * as not enabled so Coverage can name them.
 */
public final class AccountRegions {

    /** A region and whether the account has it enabled (as far as is known before calling it). */
    public record AccountRegion(String name, boolean enabled, String optStatus) {
    }

    private final List<String> configured;

    /** @param configured the regions to read whatever ListRegions says; empty asks ListRegions */
    public AccountRegions(List<String> configured) {
        this.configured = configured == null ? List.of() : List.copyOf(configured);
    }

    public boolean configured() {
        return !configured.isEmpty();
    }

    public List<AccountRegion> regions(AccountClient account) {
        if (configured()) {
            return configured.stream().map(r -> new AccountRegion(r, true, "configured")).toList();
        }
        List<AccountRegion> regions = new ArrayList<>();
        String token = null;
        do {
            ListRegionsResponse page = account.listRegions(ListRegionsRequest.builder().nextToken(token).build());
            page.regions().forEach(r -> regions.add(new AccountRegion(r.regionName(), enabled(r.regionOptStatus()),
                    r.regionOptStatusAsString())));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return regions;
    }

    private static boolean enabled(RegionOptStatus status) {
        return status == RegionOptStatus.ENABLED || status == RegionOptStatus.ENABLED_BY_DEFAULT;
    }
}
