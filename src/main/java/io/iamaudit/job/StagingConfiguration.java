package io.iamaudit.job;

import io.iamaudit.stage.JdbcStagingRepository;
import io.iamaudit.stage.StagingSchema;
import io.iamaudit.stage.StagingRepository;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/** The staging store shares the job repository's database, so one JDBC URL configures both. */
@Configuration(proxyBeanMethods = false)
class StagingConfiguration {

    /** Spring Boot's Flyway migrates the staging schema before this bean exists (it depends on that). */
    @Bean
    @DependsOnDatabaseInitialization
    StagingRepository stagingRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcStagingRepository(dataSource, transactionManager);
    }

    /** Boot's Flyway reads the staging migrations and records them in the staging history table. */
    @Bean
    FlywayConfigurationCustomizer stagingSchemaLocation() {
        return StagingSchema::configure;
    }

    /** A database of the release before Flyway is adopted, one with unknown staging tables refused. */
    @Bean
    FlywayMigrationStrategy stagingSchemaMigration() {
        return StagingSchema::migrate;
    }

    /**
     * Every parallel partition needs a connection at the end of its step (the job repository's update) and one for
     * its staging write; with Boot's default pool of 10 and 32 partitions, threads waited out Hikari's 30 s and the
     * run failed. The pool grows with the configured concurrency; a smaller configured pool is raised, a larger one
     * kept.
     */
    @Bean
    static BeanPostProcessor poolSizedForConcurrency(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari) {
                    int concurrency = concurrency(environment);
                    int configured = hikari.getMaximumPoolSize();
                    hikari.setMaximumPoolSize(Math.max(configured, poolSize(concurrency)));
                    // Hikari keeps minimumIdle (by default the maximum) connections open: grow on demand instead
                    if (hikari.getMinimumIdle() < 0 || hikari.getMinimumIdle() >= configured) {
                        hikari.setMinimumIdle(Math.min(configured, 10));
                    }
                }
                return bean;
            }
        };
    }

    /** A value that is not a number is left to AuditProperties' binding, which reports it with its key and origin. */
    private static int concurrency(Environment environment) {
        try {
            return environment.getProperty("iam-audit.concurrency", Integer.class, 8);
        } catch (RuntimeException e) {
            return 8;
        }
    }

    static int poolSize(int concurrency) {
        return 2 * Math.max(1, concurrency) + 4;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
