package io.iamaudit.job;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.StagingRepository;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a run that continues a published run whose accounts partly failed. A published run is evidence and is
 * never overwritten, so the complete run gets its own id: it inherits the population and the snapshots of the
 * accounts already audited, and only the failed accounts are collected again.
 */
final class RunContinuation {

    private final StagingRepository staging;
    private final Clock clock;

    RunContinuation(StagingRepository staging, Clock clock) {
        this.staging = staging;
        this.clock = clock;
    }

    /** @return the new run, staged and ready for the job to resume */
    AuditRun continueFrom(AuditRun previous) {
        String runId = RunIds.next(clock);
        Map<String, String> parameters = new LinkedHashMap<>(previous.parameters());
        parameters.put("continues", previous.runId());
        AuditRun run = new AuditRun(runId, previous.kind(), clock.instant(), previous.organizationId(),
                previous.managementAccountId(), previous.callerArn(), parameters, AuditRun.Status.RUNNING);
        staging.saveRun(run);
        staging.saveAccounts(runId, staging.accounts(previous.runId()));
        for (AccountCoverage c : staging.coverage(previous.runId())) {
            AccountCoverage.Status status = c.status();
            if (status == AccountCoverage.Status.AUDITED) {
                // one snapshot in memory at a time, however large the organization
                staging.snapshot(previous.runId(), c.accountId()).ifPresent(s -> staging.saveSnapshot(runId, s));
            } else if (status == AccountCoverage.Status.FAILED) {
                status = AccountCoverage.Status.PENDING;
            }
            staging.saveCoverage(new AccountCoverage(runId, c.accountId(), c.accountName(), c.ouPath(), status,
                    status == AccountCoverage.Status.PENDING ? null : c.reason(), c.collectedAt(), c.awsCalls()));
        }
        return run;
    }

    static boolean hasFailures(StagingRepository staging, AuditRun run) {
        return staging.coverage(run.runId()).stream().anyMatch(c -> c.status() == AccountCoverage.Status.FAILED);
    }
}
