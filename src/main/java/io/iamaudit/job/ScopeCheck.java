package io.iamaudit.job;

import io.iamaudit.discover.DiscoveredAccount;
import io.iamaudit.discover.DiscoveryResult;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A run must have at least one ACTIVE account to audit. Otherwise (an {@code account-audit} of a suspended account,
 * filters that match nothing) it stops as a usage error before anything is staged or published: an empty run
 * published as the newest one would hide the real history from auditors and from the next night.
 */
final class ScopeCheck {

    private static final int NAMED = 5;

    private ScopeCheck() {
    }

    static void requireSomethingToAudit(DiscoveryResult result) {
        if (!result.audited().isEmpty()) {
            return;
        }
        // accounts that are not ACTIVE first: in an account-audit of a suspended account, that one is the reason
        List<DiscoveredAccount> skipped = result.skipped().stream()
                .sorted(Comparator.comparing(d -> "ACTIVE".equals(d.account().state()))).toList();
        String reasons = skipped.stream().limit(NAMED)
                .map(d -> d.account().accountId() + " (" + d.skipReason() + ")")
                .collect(Collectors.joining(", "));
        throw new RunRequestException("nothing to audit: no ACTIVE account of organization " + result.organizationId()
                + " is in scope (" + skipped.size() + " skipped: " + reasons
                + (skipped.size() > NAMED ? ", ..." : "") + "); nothing was published");
    }
}
