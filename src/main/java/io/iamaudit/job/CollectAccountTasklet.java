package io.iamaudit.job;

import io.iamaudit.collect.AccountAccessException;
import io.iamaudit.collect.AccountCollection;
import io.iamaudit.collect.AccountCollector;
import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AwsErrors;
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
    private final AccountCollector collector;
    private final StagingRepository staging;
    private final CollectProgress progress;
    private final Clock clock;
    private final String runId;
    private final String accountId;

    CollectAccountTasklet(RunSessions sessions, AccountCollector collector, StagingRepository staging,
                          CollectProgress progress, Clock clock, String runId, String accountId) {
        this.sessions = sessions;
        this.collector = collector;
        this.staging = staging;
        this.progress = progress;
        this.clock = clock;
        this.runId = runId;
        this.accountId = accountId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AccountRef account = staging.accounts(runId).stream().filter(a -> a.accountId().equals(accountId))
                .findFirst().orElseThrow(() -> new IllegalStateException("account " + accountId + " not in run " + runId));
        AccountCoverage coverage;
        AccountCollection collection = null;
        try (AccountSession session = sessions.open(accountId, runId)) {
            collection = collector.collect(session, account, sessions.orgAnalyzers(runId));
            staging.saveSnapshot(runId, collection.snapshot());
            coverage = collection.coverage(runId);
        } catch (AccountAccessException e) {
            coverage = failed(account, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            coverage = failed(account, AwsErrors.describe(e), Map.of());
        }
        staging.saveCoverage(coverage);
        progress.accountDone(coverage, collection);
        return RepeatStatus.FINISHED;
    }

    private AccountCoverage failed(AccountRef account, String reason, Map<String, Long> calls) {
        return new AccountCoverage(runId, account.accountId(), account.name(), account.ouPath(),
                AccountCoverage.Status.FAILED, reason, clock.instant(), calls);
    }
}
