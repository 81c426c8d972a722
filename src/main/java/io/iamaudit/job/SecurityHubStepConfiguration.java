package io.iamaudit.job;

import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The optional Security Hub import, after the run is published (a no-op unless {@code --security-hub}). */
@Configuration(proxyBeanMethods = false)
class SecurityHubStepConfiguration {

    @Bean
    Step securityHubStep(JobRepository jobRepository, PlatformTransactionManager tx, SecurityHubProperties settings,
                         RunSessions sessions, AwsClientFactory factory, StagingRepository staging,
                         AuditProperties properties) {
        return new StepBuilder("security-hub", jobRepository)
                .tasklet(new SecurityHubTasklet(settings, sessions, factory, staging, properties), tx)
                .allowStartIfComplete(true)
                .build();
    }
}
