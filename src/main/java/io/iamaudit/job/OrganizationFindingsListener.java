package io.iamaudit.job;

import io.iamaudit.collect.OrgAnalyzers;
import io.iamaudit.collect.OrganizationFindings;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the organization's findings listing when the collect step starts (the analyzers are known once discovery
 * has found the caller), so it runs beside the partitions' IAM reads; when every partition is done, waits for it
 * and for the accounts it still had to stage, then records its calls, which belong to the run rather than to an
 * account: in the log and in the collect step's context ({@value #CALLS_KEY}).
 */
class OrganizationFindingsListener implements StepExecutionListener {

    static final String CALLS_KEY = "organizationFindingsCalls";

    private static final Logger log = LoggerFactory.getLogger(OrganizationFindingsListener.class);

    private final RunSessions sessions;
    private final StagingRepository staging;
    private final AuditProperties properties;
    private final FindingsListingProperties listing;
    private volatile OrganizationFindings current;

    OrganizationFindingsListener(RunSessions sessions, StagingRepository staging, AuditProperties properties,
                                 FindingsListingProperties listing) {
        this.sessions = sessions;
        this.staging = staging;
        this.properties = properties;
        this.listing = listing;
    }

    /** The run's organization-wide findings, or {@code null} when each account lists its own. */
    OrganizationFindings current() {
        return current;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String runId = stepExecution.getJobExecution().getJobParameters().getString(JobParameterNames.RUN_ID);
        String kind = stepExecution.getJobExecution().getJobParameters().getString(JobParameterNames.KIND);
        Map<AccountCoverage.Status, Set<String>> byStatus = staging.coverage(runId).stream().collect(
                Collectors.groupingBy(AccountCoverage::status,
                        Collectors.mapping(AccountCoverage::accountId, Collectors.toSet())));
        Set<String> toCollect = new java.util.HashSet<>(byStatus.getOrDefault(AccountCoverage.Status.PENDING, Set.of()));
        toCollect.addAll(byStatus.getOrDefault(AccountCoverage.Status.FAILED, Set.of()));
        int audited = toCollect.size() + byStatus.getOrDefault(AccountCoverage.Status.AUDITED, Set.of()).size();
        if (!listing.organizationWide(kind, toCollect.size(), audited)) {
            return;
        }
        OrgAnalyzers org = sessions.orgAnalyzers(runId);
        if (org.active().isEmpty()) {
            return;
        }
        current = OrganizationFindings.start(org, toCollect,
                properties.home().resolve("findings-spool").resolve(runId));
        log.info("run {}: Access Analyzer: listing the findings of {} organization analyzer(s) for {} accounts in"
                + " the background", runId, org.active().size(), toCollect.size());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        OrganizationFindings findings = current;
        if (findings == null) {
            return null;
        }
        try {
            if (!findings.await(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("the organization's Access Analyzer findings were not read within an hour");
            }
            Map<String, Long> calls = findings.calls().counts();
            stepExecution.getExecutionContext().putString(CALLS_KEY, calls.toString());
            log.info("run {}: Access Analyzer: organization findings listed in {} ms with {} calls {}",
                    stepExecution.getJobExecution().getJobParameters().getString(JobParameterNames.RUN_ID), findings.listingMillis(),
                    findings.calls().total(), calls);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the organization's findings", e);
        } finally {
            current = null;
            findings.close();
        }
    }
}
