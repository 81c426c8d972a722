package io.iamaudit.job;

import io.iamaudit.discover.DiscoveredAccount;
import io.iamaudit.discover.DiscoveryResult;
import io.iamaudit.stage.AccountRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeCheckTest {

    @Test
    void aSuspendedAccountAloneInScopeIsAUsageErrorNamingItFirst() {
        DiscoveryResult result = new DiscoveryResult("o-x", "100000000001", List.of(
                account("100000000001", "ACTIVE", "excluded by filter"),
                account("100000000002", "ACTIVE", "excluded by filter"),
                account("100000000003", "SUSPENDED", "account SUSPENDED")));

        assertThatThrownBy(() -> ScopeCheck.requireSomethingToAudit(result))
                .isInstanceOf(RunRequestException.class)
                .hasMessageStartingWith("nothing to audit: no ACTIVE account of organization o-x is in scope "
                        + "(3 skipped: 100000000003 (account SUSPENDED), 100000000001")
                .hasMessageEndingWith("nothing was published")
                .message().doesNotContain("\n");
    }

    @Test
    void oneAuditedAccountIsEnough() {
        DiscoveryResult result = new DiscoveryResult("o-x", "100000000001", List.of(
                account("100000000001", "ACTIVE", "excluded by filter"),
                account("100000000002", "ACTIVE", null)));

        assertThatNoException().isThrownBy(() -> ScopeCheck.requireSomethingToAudit(result));
    }

    @Test
    void manySkippedAccountsAreCountedNotAllListed() {
        List<DiscoveredAccount> accounts = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> account(String.format("1000000000%02d", i), "ACTIVE", "excluded by filter")).toList();

        assertThatThrownBy(() -> ScopeCheck.requireSomethingToAudit(new DiscoveryResult("o-x", "100000000000", accounts)))
                .hasMessageContaining("40 skipped").hasMessageContaining(", ...)");
    }

    private static DiscoveredAccount account(String id, String state, String skipReason) {
        return new DiscoveredAccount(new AccountRef(id, "n-" + id, id + "@example.com", state, "/", Map.of()),
                skipReason);
    }
}
