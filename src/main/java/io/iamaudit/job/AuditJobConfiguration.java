package io.iamaudit.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit job, as data flows: discover, carry finding history over from the previous published run, collect,
 * analyze, verify the proposals with IAM Access Analyzer, report, publish, import into Security Hub when asked, then
 * drop staged runs past their retention.
 */
@Configuration(proxyBeanMethods = false)
class AuditJobConfiguration {

    @Bean
    Job auditJob(JobRepository jobRepository, Step discoverStep, Step historyStep, Step collectStep, Step analyzeStep, Step reportStep,
                 Step verifyStep, Step publishStep, Step securityHubStep, Step stagingRetentionStep) {
        return new JobBuilder("iam-audit", jobRepository)
                .listener(new RunLogContext())
                .start(discoverStep)
                .next(historyStep)
                .next(collectStep)
                .next(analyzeStep)
                .next(verifyStep)
                .next(reportStep)
                .next(publishStep)
                .next(securityHubStep)
                .next(stagingRetentionStep)
                .build();
    }
}
