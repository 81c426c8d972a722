package io.iamaudit.job;

import io.iamaudit.stage.JdbcStagingRepository;
import io.iamaudit.stage.StagingRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/** The staging store shares the job repository's database, so one JDBC URL configures both. */
@Configuration(proxyBeanMethods = false)
class StagingConfiguration {

    @Bean
    StagingRepository stagingRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcStagingRepository repository = new JdbcStagingRepository(dataSource, transactionManager);
        repository.createSchema();
        return repository;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
