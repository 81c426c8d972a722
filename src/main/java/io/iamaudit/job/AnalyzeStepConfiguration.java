package io.iamaudit.job;

import io.iamaudit.analyze.run.AccountAnalysis;
import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.analyze.exceptions.ExceptionSet;
import io.iamaudit.analyze.exceptions.ExceptionsCheck;
import io.iamaudit.analyze.exceptions.ExceptionsLoader;
import io.iamaudit.analyze.leastprivilege.AuditRoleActions;
import io.iamaudit.analyze.leastprivilege.LeastPrivilegeEngine;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.item.support.SynchronizedItemReader;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Analyze every audited account not yet analysed beside collection ({@link AnalysisBesideCollection}): a chunk step
 * whose items are account ids, so only one account's snapshot per thread is in memory at a time; each account's
 * findings, outcomes and recommendations replace any earlier ones. Analysis is CPU only (rules are pure functions
 * over a snapshot), so chunks run on one thread per core.
 */
@Configuration(proxyBeanMethods = false)
class AnalyzeStepConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnalyzeStepConfiguration.class);

    private static final int ACCOUNTS_PER_CHUNK = 4;

    @Bean
    Step analyzeStep(JobRepository jobRepository, PlatformTransactionManager tx, ListItemReader<String> auditedAccounts,
                     ItemProcessor<String, AccountAnalysis> accountAnalysisProcessor,
                     ItemWriter<AccountAnalysis> analysisWriter, TaskExecutor analyzeTaskExecutor,
                     StagingRepository staging, AnalysisContext analysisTemplate) {
        return new StepBuilder("analyze", jobRepository)
                .<String, AccountAnalysis>chunk(ACCOUNTS_PER_CHUNK, tx)
                .reader(new SynchronizedItemReader<>(auditedAccounts))
                .processor(accountAnalysisProcessor)
                .writer(analysisWriter)
                .taskExecutor(analyzeTaskExecutor)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution step) {
                        // not errors: accounts leave organizations and exceptions expire; the owners need to hear
                        // of it, the run goes on
                        String runId = step.getJobExecution().getJobParameters().getString(JobParameterNames.RUN_ID);
                        Set<String> organization = staging.accounts(runId).stream().map(AccountRef::accountId)
                                .collect(Collectors.toSet());
                        ExceptionsCheck.unknownAccounts(analysisTemplate.exceptions(), organization)
                                .forEach(p -> log.warn("exceptions file: {}", p));
                        ExceptionsCheck.expired(analysisTemplate.exceptions(), analysisTemplate.today())
                                .forEach(p -> log.warn("exceptions file: {}", p));
                    }

                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        // once, after every chunk: chunks on parallel threads must not rewrite the run's row together
                        if (step.getStatus() == BatchStatus.COMPLETED) {
                            String runId = step.getJobExecution().getJobParameters().getString("runId");
                            staging.run(runId).ifPresent(r -> staging.saveRun(r.withStatus(AuditRun.Status.ANALYZED)));
                        }
                        return step.getExitStatus();
                    }
                })
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    ThreadPoolTaskExecutor analyzeTaskExecutor() {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(cores);
        executor.setMaxPoolSize(cores);
        executor.setThreadNamePrefix("analyze-");
        return executor;
    }

    /**
     * The audited accounts not analysed yet: most were analysed beside collection; what is left are accounts whose
     * analysis failed there, and those of a run restarted after a kill.
     */
    @Bean
    @StepScope
    ListItemReader<String> auditedAccounts(StagingRepository staging,
                                           @Value("#{jobParameters['runId']}") String runId) {
        Set<String> analysed = staging.analyzedAccounts(runId);
        return new ListItemReader<>(staging.coverage(runId).stream()
                .filter(c -> c.status() == AccountCoverage.Status.AUDITED).map(AccountCoverage::accountId)
                .filter(id -> !analysed.contains(id)).toList());
    }

    @Bean
    @StepScope
    ItemProcessor<String, AccountAnalysis> accountAnalysisProcessor(StagingRepository staging,
                                                                     AccountAnalyzer analyzer,
                                                                     AnalysisContext analysisTemplate,
                                                                     @Value("#{jobParameters['runId']}") String runId) {
        RunAnalysis analysis = RunAnalysis.of(staging, analyzer, analysisTemplate, runId);
        return accountId -> analysis.analyze(accountId).orElse(null);
    }

    @Bean
    @StepScope
    ItemWriter<AccountAnalysis> analysisWriter(StagingRepository staging,
                                               @Value("#{jobParameters['runId']}") String runId) {
        return chunk -> {
            for (AccountAnalysis a : chunk) {
                staging.replaceAnalysis(runId, a.accountId(), a.findings(), a.outcomes(), a.recommendations());
            }
        };
    }

    /** Loads IAM's action reference at start-up (a missing one fails before any work) and protects the audit role. */
    @Bean
    AccountAnalyzer accountAnalyzer(AuditProperties properties) {
        return new AccountAnalyzer(io.iamaudit.analyze.rules.Rules.catalog(), new LeastPrivilegeEngine(ActionCatalog.bundled(),
                AuditRoleActions.of(properties.roleName())));
    }

    @Bean
    RuleCatalogVersion ruleCatalogVersion(AccountAnalyzer analyzer) {
        return new RuleCatalogVersion(analyzer.catalog().version());
    }

    /** Thresholds and exceptions, read once at start-up so a bad exceptions file fails before any work. */
    @Bean
    AnalysisContext analysisTemplate(Environment environment, AuditProperties properties, Clock clock) {
        Thresholds thresholds = Binder.get(environment).bind("iam-audit.thresholds", Thresholds.class)
                .orElse(Thresholds.defaults());
        ExceptionSet exceptions = properties.exceptionsFile() == null || properties.exceptionsFile().isBlank()
                ? ExceptionSet.none() : ExceptionsLoader.load(Path.of(properties.exceptionsFile()));
        return new AnalysisContext("template", clock, thresholds, exceptions, Set.of());
    }
}
