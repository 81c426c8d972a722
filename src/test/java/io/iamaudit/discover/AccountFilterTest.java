package io.iamaudit.discover;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFilterTest {

    private static final List<String> PROD_IDS = List.of("r-ab12", "ou-ab12-workload", "ou-ab12-prod");

    @Test
    void everythingPassesAnEmptyFilter() {
        assertThat(AccountFilter.all().exclusionReason("111111111111", "Root/Workloads/Prod", PROD_IDS, Map.of()))
                .isEmpty();
    }

    @Test
    void ouSelectorsMatchWholeSubtreesByIdOrNamePath() {
        AccountFilter byPath = new AccountFilter(null, null, List.of("Root/Workloads"), null, null, null);
        AccountFilter byId = new AccountFilter(null, null, null, List.of("ou-ab12-workload"), null, null);

        assertThat(byPath.exclusionReason("1", "Root/Workloads/Prod", PROD_IDS, Map.of())).isEmpty();
        assertThat(byPath.exclusionReason("1", "Root/WorkloadsOld", List.of("r-ab12", "ou-x"), Map.of()))
                .hasValueSatisfying(r -> assertThat(r).startsWith("excluded by filter: ").contains("outside"));
        assertThat(byId.exclusionReason("1", "Root/Workloads/Prod", PROD_IDS, Map.of()))
                .hasValue("excluded by filter: OU ou-ab12-workload is excluded");
    }

    @Test
    void excludesWinOverIncludes() {
        AccountFilter filter = new AccountFilter(Set.of("111111111111"), Set.of("111111111111"), null, null,
                null, null);

        assertThat(filter.exclusionReason("111111111111", "Root", List.of("r-ab12"), Map.of()))
                .hasValue("excluded by filter: account 111111111111 is excluded");
        assertThat(filter.exclusionReason("222222222222", "Root", List.of("r-ab12"), Map.of())).isPresent();
    }

    @Test
    void tagsSelectByKeyAndValue() {
        AccountFilter filter = new AccountFilter(null, null, null, null, Map.of("audit", "yes"),
                Map.of("env", "sandbox"));

        assertThat(filter.exclusionReason("1", "Root", List.of(), Map.of("audit", "yes"))).isEmpty();
        assertThat(filter.exclusionReason("1", "Root", List.of(), Map.of("audit", "no"))).isPresent();
        assertThat(filter.exclusionReason("1", "Root", List.of(), Map.of("audit", "yes", "env", "sandbox")))
                .hasValue("excluded by filter: tag env=sandbox is excluded");
    }

    @Test
    void discoveredAccountsStartPendingOrSkippedWithTheReason() {
        io.iamaudit.stage.AccountRef ref = new io.iamaudit.stage.AccountRef("111111111111", "a", null, "SUSPENDED",
                "Root", Map.of());

        var skipped = new DiscoveredAccount(ref, "account SUSPENDED").initialCoverage("run-1");
        var pending = new DiscoveredAccount(ref, null).initialCoverage("run-1");

        assertThat(skipped.status()).isEqualTo(io.iamaudit.stage.AccountCoverage.Status.SKIPPED);
        assertThat(skipped.reason()).isEqualTo("account SUSPENDED");
        assertThat(pending.status()).isEqualTo(io.iamaudit.stage.AccountCoverage.Status.PENDING);
        assertThat(pending.runId()).isEqualTo("run-1");
    }
}
