package io.iamaudit.job;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.RuleOutcome;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the audit job through Spring Batch. Every execution works on a run id; a restart is a new execution of the
 * same run, which skips the accounts already audited and redoes analysis, reports and publishing (all idempotent).
 */
@Component
class BatchAuditJobRunner implements AuditJobRunner {

    private final JobOperator jobOperator;
    private final Job auditJob;
    private final StagingRepository staging;
    private final Clock clock;
    private final JobRepository jobRepository;
    private final AuditProperties properties;
    private final OutputPreflight outputPreflight;

    BatchAuditJobRunner(JobOperator jobOperator, Job auditJob, StagingRepository staging, Clock clock,
                        JobRepository jobRepository, AuditProperties properties, OutputPreflight outputPreflight) {
        this.jobOperator = jobOperator;
        this.auditJob = auditJob;
        this.staging = staging;
        this.clock = clock;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.outputPreflight = outputPreflight;
    }

    @Override
    public ResumedRun resumedRun() {
        AuditRun latest = latestRun();
        Optional<Map<String, String>> settings = RunSettings.find(jobRepository, auditJob.getName(), latest.runId());
        return new ResumedRun(latest.runId(), settings.orElse(Map.of()));
    }

    private AuditRun latestRun() {
        return staging.latestRun()
                .orElseThrow(() -> new RunRequestException("nothing to restart: no run has been staged in this job repository"));
    }

    @Override
    public RunResult start(String kind) {
        outputPreflight.check();
        return execute(RunIds.next(clock), kind, 1);
    }

    /**
     * Resumes the newest run: an interrupted or failed one continues under its own id (it was never published); a
     * published run with failed accounts continues as a new run that collects only those accounts.
     */
    @Override
    public RunResult restart() {
        AuditRun latest = latestRun();
        outputPreflight.check();
        if (latest.status() != AuditRun.Status.PUBLISHED) {
            return execute(latest.runId(), latest.kind(), clock.millis());
        }
        if (!RunContinuation.hasFailures(staging, latest)) {
            throw new RunRequestException("nothing to restart: run " + latest.runId() + " was published complete");
        }
        AuditRun continued = new RunContinuation(staging, clock).continueFrom(latest);
        return execute(continued.runId(), continued.kind(), clock.millis());
    }

    private RunResult execute(String runId, String kind, long attempt) {
        JobParameters parameters = RunSettings.addTo(new JobParametersBuilder()
                .addString(JobParameterNames.RUN_ID, runId)
                .addString(JobParameterNames.KIND, kind)
                .addLong(JobParameterNames.ATTEMPT, attempt), properties)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(auditJob, parameters);
        } catch (Exception e) {
            return failed(runId, e.getMessage());
        }
        RunRequestException requestError = find(execution, RunRequestException.class);
        if (requestError != null) {
            throw requestError;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            return failed(runId, cause == null ? execution.getExitStatus().getExitDescription() : describe(cause));
        }
        List<AccountCoverage> coverage = staging.coverage(runId);
        long findings;
        try (Stream<?> all = staging.findings(runId)) {
            findings = all.count();
        }
        long ruleErrors;
        try (Stream<RuleOutcome> outcomes = staging.outcomes(runId)) {
            ruleErrors = outcomes.filter(o -> o.outcome() == RuleOutcome.Outcome.RULE_ERROR).count();
        }
        String published = execution.getExecutionContext().getString(ReportStepConfiguration.PUBLISHED_KEY, "?");
        return new RunResult(runId, true, count(coverage, AccountCoverage.Status.AUDITED),
                with(coverage, AccountCoverage.Status.SKIPPED), with(coverage, AccountCoverage.Status.FAILED),
                ruleErrors, findings, published, null, false,
                execution.getExecutionContext().getInt(VerifyTasklet.DEFECTS_KEY, 0));
    }

    private static List<AccountCoverage> with(List<AccountCoverage> coverage, AccountCoverage.Status status) {
        return coverage.stream().filter(c -> c.status() == status).toList();
    }

    private static int count(List<AccountCoverage> coverage, AccountCoverage.Status status) {
        return (int) coverage.stream().filter(c -> c.status() == status).count();
    }

    private RunResult failed(String runId, String error) {
        return new RunResult(runId, false, 0, List.of(), List.of(), 0, 0, null, error, staging.run(runId).isPresent());
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static <T extends Throwable> T find(JobExecution execution, Class<T> type) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (type.isInstance(c)) {
                    return type.cast(c);
                }
            }
        }
        return null;
    }
}
