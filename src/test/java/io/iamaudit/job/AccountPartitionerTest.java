package io.iamaudit.job;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.JdbcStagingRepository;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPartitionerTest {

    @Test
    void eachPartitionCarriesItsWholeAccountAndAuditedAccountsAreNotCollectedAgain() {
        // given a run of three accounts, one already audited
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        io.iamaudit.stage.StagingSchema.migrate(dataSource);
        JdbcStagingRepository staging = new JdbcStagingRepository(dataSource);
        AccountRef tagged = new AccountRef("111111111111", "prod", "prod@example.com", "ACTIVE", "Root/Workloads/Prod",
                Map.of("env", "prod", "team", "a=b"));
        AccountRef failedBefore = new AccountRef("222222222222", "dev", "dev@example.com", "ACTIVE", "Root", Map.of());
        AccountRef audited = new AccountRef("333333333333", "done", "done@example.com", "ACTIVE", "Root", Map.of());
        staging.saveAccounts("run-1", List.of(tagged, failedBefore, audited));
        staging.saveCoverage(coverage(tagged, AccountCoverage.Status.PENDING));
        staging.saveCoverage(coverage(failedBefore, AccountCoverage.Status.FAILED));
        staging.saveCoverage(coverage(audited, AccountCoverage.Status.AUDITED));

        // when
        Map<String, ExecutionContext> partitions = new AccountPartitioner(staging, "run-1").partition(8);

        // then
        assertThat(partitions).containsOnlyKeys("account-111111111111", "account-222222222222");
        assertThat(AccountPartitioner.account(partitions.get("account-111111111111"))).isEqualTo(tagged);
        assertThat(AccountPartitioner.account(partitions.get("account-222222222222"))).isEqualTo(failedBefore);
    }

    private static AccountCoverage coverage(AccountRef a, AccountCoverage.Status status) {
        return new AccountCoverage("run-1", a.accountId(), a.name(), a.ouPath(), status, "", null, Map.of());
    }
}
