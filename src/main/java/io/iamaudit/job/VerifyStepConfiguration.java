package io.iamaudit.job;

import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Verify, between analyze and report: IAM Access Analyzer checks every proposal (ValidatePolicy, optionally
 * CheckNoNewAccess) and gives its own recommendation for every unused-permission finding. Analysis stays pure; this
 * step is where its output meets AWS. No database transaction around minutes of AWS calls: each account's results are
 * staged in one write of their own.
 */
@Configuration(proxyBeanMethods = false)
class VerifyStepConfiguration {

    @Bean
    Step verifyStep(JobRepository jobRepository, RunSessions sessions, AwsClientFactory factory,
                    StagingRepository staging, AuditProperties properties, AccessAnalyzerCheckProperties checks) {
        return new StepBuilder("verify", jobRepository)
                .tasklet(new VerifyTasklet(sessions, factory, staging, properties, checks),
                        new ResourcelessTransactionManager())
                .allowStartIfComplete(true)
                .build();
    }
}
