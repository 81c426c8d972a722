package io.iamaudit.job;

import io.iamaudit.collect.AccountCollector;
import io.iamaudit.collect.AccountPartition;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsErrors;
import io.iamaudit.collect.OrganizationFindings;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Clock;
import java.util.Map;

/**
 * Collects one account (one partition) and stages its snapshot. An account that cannot be entered or read is
 * recorded FAILED with its reason and the partition still completes: one dead account never stops the run.
 */
class CollectAccountTasklet implements Tasklet {

    private final RunSessions sessions;
    private final AwsClientFactory factory;
    private final AccountCollector collector;
    private final StagingRepository staging;
    private final CollectProgress progress;
    private final Clock clock;
    private final String runId;
    private final OrganizationFindingsListener organizationFindings;
    private final AnalysisBesideCollection analysis;

    CollectAccountTasklet(RunSessions sessions, AwsClientFactory factory, AccountCollector collector,
                          StagingRepository staging, CollectProgress progress, Clock clock, String runId,
                          OrganizationFindingsListener organizationFindings, AnalysisBesideCollection analysis) {
        this.sessions = sessions;
        this.factory = factory;
        this.collector = collector;
        this.staging = staging;
        this.progress = progress;
        this.clock = clock;
        this.runId = runId;
        this.organizationFindings = organizationFindings;
        this.analysis = analysis;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // the partition carries its account: no look-up among the run's accounts
        AccountRef account = AccountPartitioner.account(
                chunkContext.getStepContext().getStepExecution().getExecutionContext());
        try (var ids = RunLogContext.account(runId, account.accountId())) {
            return collect(account);
        }
    }

    private RepeatStatus collect(AccountRef account) {
        String accountId = account.accountId();
        OrganizationFindings orgFindings = organizationFindings.current();
        AccountPartition.Result result;
        try {
            result = new AccountPartition(factory, collector, sessions.assumeRole(runId), sessions.caller().account(),
                    clock).collect(runId, account, sessions.orgAnalyzers(runId), orgFindings != null);
        } catch (RuntimeException e) {
            // anything unexpected about one account is that account's failure, not the run's
            result = new AccountPartition.Result(new AccountCoverage(runId, accountId, account.name(),
                    account.ouPath(), AccountCoverage.Status.FAILED, AwsErrors.describe(e), clock.instant(),
                    Map.of()), null);
        }
        AccountCoverage coverage = result.coverage();
        if (result.snapshot() != null && orgFindings != null) {
            coverage = new AccountStaging(staging, runId, analysis).stage(result.snapshot(), coverage, orgFindings);
        } else {
            if (result.snapshot() != null) {
                staging.saveSnapshot(runId, result.snapshot());
            }
            staging.saveCoverage(coverage);
            if (result.snapshot() != null && coverage.status() == AccountCoverage.Status.AUDITED) {
                analysis.complete(result.snapshot());
            }
        }
        progress.accountDone(coverage, result.snapshot());
        return RepeatStatus.FINISHED;
    }
}
