package io.iamaudit.job;

import io.iamaudit.stage.StagingRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/** The last step of a run: staged data of runs older than {@code iam-audit.staging.retention-days} is deleted. */
@Configuration(proxyBeanMethods = false)
class StagingRetentionStepConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StagingRetentionStepConfiguration.class);

    @Bean
    Step stagingRetentionStep(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                              StagingRetentionProperties properties, Clock clock) {
        StagingRetention retention = new StagingRetention(dataSource, tx);
        return new StepBuilder("staging-retention", jobRepository)
                .tasklet((contribution, chunk) -> {
                    String runId = (String) chunk.getStepContext().getJobParameters().get(JobParameterNames.RUN_ID);
                    List<String> deleted = retention.deleteExpired(clock.instant(), properties.retention(), runId);
                    if (!deleted.isEmpty()) {
                        log.info("run {}: deleted the staged data of {} run(s) older than {} days", runId,
                                deleted.size(), properties.retentionDays());
                    }
                    return RepeatStatus.FINISHED;
                }, tx)
                .allowStartIfComplete(true)
                .build();
    }
}
