package io.iamaudit.job;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** 32 partitions against Boot's default pool of 10 waited out Hikari's timeout and failed the run (benchmark). */
class StagingPoolSizeTest {

    @Test
    void thePoolGrowsWithTheConcurrencySoEveryPartitionCanReachTheDatabase() {
        HikariDataSource pool = new HikariDataSource();
        assertThat(pool.getMaximumPoolSize()).isEqualTo(10);

        StagingConfiguration.poolSizedForConcurrency(new MockEnvironment().withProperty("iam-audit.concurrency", "32"))
                .postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getMaximumPoolSize()).isGreaterThanOrEqualTo(2 * 32);
        assertThat(pool.getMinimumIdle()).as("connections are opened on demand, not all at start").isEqualTo(10);
    }

    @Test
    void aLargerConfiguredPoolIsKept() {
        HikariDataSource pool = new HikariDataSource();
        pool.setMaximumPoolSize(200);

        StagingConfiguration.poolSizedForConcurrency(new MockEnvironment().withProperty("iam-audit.concurrency", "4"))
                .postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getMaximumPoolSize()).isEqualTo(200);
    }
}
