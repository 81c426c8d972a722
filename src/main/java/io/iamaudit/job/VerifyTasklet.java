package io.iamaudit.job;

import io.iamaudit.analyze.leastprivilege.AwsRecommendationComparison;
import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsErrors;
import io.iamaudit.collect.OrgAnalyzers;
import io.iamaudit.collect.Poller;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The verify step: every audited account's proposals and unused-permission findings go to IAM Access Analyzer, a few
 * accounts at a time (every call waits for the shared Access Analyzer quota's pacer, so more threads would only queue).
 * The number of proposals CheckNoNewAccess failed (defects of the rewriter: each is withheld) goes to the job's
 * context for the run's result.
 */
class VerifyTasklet implements Tasklet {

    static final String DEFECTS_KEY = "proposalDefects";
    private static final Logger log = LoggerFactory.getLogger(VerifyTasklet.class);
    private static final int MAX_THREADS = 8;

    private final RunSessions sessions;
    private final AwsClientFactory factory;
    private final StagingRepository staging;
    private final AuditProperties properties;
    private final AccessAnalyzerCheckProperties checks;

    VerifyTasklet(RunSessions sessions, AwsClientFactory factory, StagingRepository staging, AuditProperties properties,
                  AccessAnalyzerCheckProperties checks) {
        this.sessions = sessions;
        this.factory = factory;
        this.staging = staging;
        this.properties = properties;
        this.checks = checks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        String runId = (String) chunk.getStepContext().getJobParameters().get(JobParameterNames.RUN_ID);
        List<AccountCoverage> audited = staging.coverage(runId).stream()
                .filter(c -> c.status() == AccountCoverage.Status.AUDITED).toList();
        if (audited.isEmpty() || !checks.validatePolicy() && !checks.findingRecommendations()) {
            return RepeatStatus.FINISHED;
        }
        OrgAnalyzers org = checks.findingRecommendations() ? sessions.orgAnalyzers(runId) : OrgAnalyzers.none("off");
        String caller = sessions.caller().account();
        AwsClientFactory shared = factory.forSharedQuota();
        AccountVerification verification = new AccountVerification(staging, shared, checks,
                new AwsRecommendationComparison(ActionCatalog.bundled()),
                owner -> AccountSession.open(factory, owner, caller, sessions.assumeRole(runId)),
                Poller.withBudget(Duration.ofMinutes(10)));
        int threads = Math.max(1, Math.min(Math.min(properties.concurrency(), MAX_THREADS), audited.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int defects = 0;
        int notVerified = 0;
        try {
            List<Future<AccountVerification.Outcome>> results = new ArrayList<>();
            for (AccountCoverage c : audited) {
                results.add(pool.submit(() -> {
                    try {
                        return verification.verify(runId, c, org);
                    } catch (RuntimeException e) {
                        // one account's verification failing leaves its proposals unverified, not the run failed
                        log.warn("run {}: verifying account {} failed: {}", runId, c.accountId(), AwsErrors.describe(e));
                        staging.saveCoverage(AccountVerification.withVerification(c,
                                List.of("verification failed (" + AwsErrors.describe(e) + ")"), java.util.Map.of()));
                        return new AccountVerification.Outcome(0, 1);
                    }
                }));
            }
            for (Future<AccountVerification.Outcome> f : results) {
                try {
                    AccountVerification.Outcome o = f.get();
                    defects += o.defects();
                    notVerified += o.notVerified();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("verify failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            shared.close();
        }
        chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putInt(DEFECTS_KEY, defects);
        log.info("run {}: Access Analyzer verified the proposals of {} accounts ({} checks or recommendations not"
                + " verified, {} proposals withheld by CheckNoNewAccess)", runId, audited.size(), notVerified, defects);
        return RepeatStatus.FINISHED;
    }
}
