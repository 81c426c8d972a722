package io.iamaudit.job;

import io.iamaudit.collect.AccountCollector;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.CollectorSettings;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** Discover the organization, then collect every account in parallel: one partition per account. */
@Configuration(proxyBeanMethods = false)
class CollectStepConfiguration {

    @Bean
    Step discoverStep(JobRepository jobRepository, PlatformTransactionManager tx, RunSessions sessions,
                      StagingRepository staging, AuditProperties properties, Clock clock,
                      io.iamaudit.analyze.AnalysisContext analysisTemplate) {
        // account tags cost a call each on the organization's shared quota: read only when a rule asks for them
        boolean tagsNeeded = !analysisTemplate.thresholds().regulatedDataTag().isEmpty();
        return new StepBuilder("discover", jobRepository)
                .tasklet(new DiscoverTasklet(sessions, staging, properties, clock, tagsNeeded), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step historyStep(JobRepository jobRepository, PlatformTransactionManager tx, StagingRepository staging,
                     AuditProperties properties) {
        return new StepBuilder("history", jobRepository)
                .tasklet(new FindingHistoryTasklet(staging, properties), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step collectStep(JobRepository jobRepository, Step collectAccountStep, AccountPartitioner accountPartitioner,
                     TaskExecutor collectTaskExecutor, AuditProperties properties, CollectProgress progress,
                     StagingRepository staging, OrganizationFindingsListener organizationFindingsListener,
                     AnalysisBesideCollection analysisBesideCollection) {
        return new StepBuilder("collect", jobRepository)
                .partitioner("collectAccount", accountPartitioner)
                .step(collectAccountStep)
                .taskExecutor(collectTaskExecutor)
                .gridSize(properties.concurrency())
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        progress.begin(accountPartitioner.partition(0).size());
                    }
                })
                // afterStep runs in reverse order: the findings listing ends (its late accounts queued for analysis)
                // before the analysis beside collection waits for its queue
                .listener(analysisBesideCollection)
                .listener(organizationFindingsListener)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    AccountPartitioner accountPartitioner(StagingRepository staging,
                                          @Value("#{jobParameters['runId']}") String runId) {
        return new AccountPartitioner(staging, runId);
    }

    @Bean
    Step collectAccountStep(JobRepository jobRepository, CollectAccountTasklet collectAccountTasklet) {
        // No database transaction around minutes of AWS calls: the staging store commits each write itself, and a
        // partition interrupted half-way is simply collected again (its writes are upserts).
        return new StepBuilder("collectAccount", jobRepository)
                .tasklet(collectAccountTasklet, new ResourcelessTransactionManager())
                .build();
    }

    @Bean
    @StepScope
    CollectAccountTasklet collectAccountTasklet(RunSessions sessions, AwsClientFactory factory, AccountCollector collector,
                                                StagingRepository staging, CollectProgress progress, Clock clock,
                                                @Value("#{jobParameters['runId']}") String runId,
                                                OrganizationFindingsListener organizationFindingsListener,
                                                AnalysisBesideCollection analysisBesideCollection) {
        return new CollectAccountTasklet(sessions, factory, collector, staging, progress, clock, runId,
                organizationFindingsListener, analysisBesideCollection);
    }

    /** Rules are CPU only: one analysis thread per core beside the partitions, which mostly wait on AWS. */
    @Bean
    AnalysisBesideCollection analysisBesideCollection(StagingRepository staging,
                                                      io.iamaudit.analyze.run.AccountAnalyzer analyzer,
                                                      io.iamaudit.analyze.AnalysisContext analysisTemplate) {
        return new AnalysisBesideCollection(staging, analyzer, analysisTemplate,
                Runtime.getRuntime().availableProcessors());
    }

    @Bean
    OrganizationFindingsListener organizationFindingsListener(RunSessions sessions, StagingRepository staging,
                                                              AuditProperties properties,
                                                              FindingsListingProperties listing) {
        return new OrganizationFindingsListener(sessions, staging, properties, listing);
    }

    @Bean
    AccountCollector accountCollector(Clock clock, RegionProperties regions) {
        return new AccountCollector(CollectorSettings.defaults().withRegions(regions.regions()), clock);
    }

    @Bean
    CollectProgress collectProgress(Clock clock) {
        return new CollectProgress(clock);
    }

    @Bean
    ThreadPoolTaskExecutor collectTaskExecutor(AuditProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.concurrency());
        executor.setMaxPoolSize(properties.concurrency());
        executor.setThreadNamePrefix("collect-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
