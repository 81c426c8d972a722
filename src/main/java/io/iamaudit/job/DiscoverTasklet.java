package io.iamaudit.job;

import io.iamaudit.collect.AwsErrors;
import io.iamaudit.discover.AccountFilter;
import io.iamaudit.discover.DiscoveredAccount;
import io.iamaudit.discover.DiscoveryResult;
import io.iamaudit.discover.OrganizationDiscovery;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 1: who is calling, which organization, which accounts. The population of a run is fixed when it is first
 * discovered: a restarted run keeps its accounts and only collects those not yet audited.
 */
class DiscoverTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DiscoverTasklet.class);

    /** STS's answers to credentials it does not accept. */
    private static final Set<String> REJECTED_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "IncompleteSignature");

    private final RunSessions sessions;
    private final StagingRepository staging;
    private final AuditProperties properties;
    private final Clock clock;

    /** Whether a rule reads account tags (the regulated-data tag): then every account's are read, filter or not. */
    private final boolean tagsNeeded;

    DiscoverTasklet(RunSessions sessions, StagingRepository staging, AuditProperties properties, Clock clock,
                    boolean tagsNeeded) {
        this.tagsNeeded = tagsNeeded;
        this.sessions = sessions;
        this.staging = staging;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        String runId = (String) params.get(JobParameterNames.RUN_ID);
        String kind = (String) params.get(JobParameterNames.KIND);
        if (staging.run(runId).isPresent()) {
            log.info("run {}: resuming; population as first discovered ({} accounts)", runId,
                    staging.accounts(runId).size());
            return RepeatStatus.FINISHED;
        }
        String callerArn = callerArn();
        DiscoveryResult result = new OrganizationDiscovery(sessions.base().clients().organizations(), tagsNeeded)
                .discover(filter());
        requireIncludedAccountsFound(result);
        ScopeCheck.requireSomethingToAudit(result);

        staging.saveRun(new AuditRun(runId, kind, clock.instant(), result.organizationId(),
                result.managementAccountId(), callerArn, runParameters(), AuditRun.Status.RUNNING));
        staging.saveAccounts(runId, result.accounts().stream().map(DiscoveredAccount::account).toList());
        for (DiscoveredAccount d : result.accounts()) {
            AccountRef a = d.account();
            AccountCoverage.Status status = d.audited() ? AccountCoverage.Status.PENDING : AccountCoverage.Status.SKIPPED;
            staging.saveCoverage(new AccountCoverage(runId, a.accountId(), a.name(), a.ouPath(), status,
                    d.skipReason(), null, Map.of()));
        }
        log.info("run {}: organization {} has {} accounts: {} to audit, {} skipped (caller {})", runId,
                result.organizationId(), result.accounts().size(), result.audited().size(), result.skipped().size(),
                callerArn);
        return RepeatStatus.FINISHED;
    }

    /**
     * The first AWS call of a run: credentials AWS rejects (expired session, unknown or mistyped key) are a usage
     * error on one line, before anything is staged, not a failed run.
     */
    private String callerArn() {
        try {
            return sessions.caller().arn();
        } catch (AwsServiceException e) {
            if (REJECTED_CREDENTIALS.contains(AwsErrors.code(e))) {
                throw new RunRequestException("AWS rejected the credentials (" + AwsErrors.describe(e)
                        + "); renew them and run again");
            }
            throw e;
        } catch (SdkClientException e) {
            // nothing is staged yet, so there is nothing to restart: a setting to fix, not a run to resume
            String endpoint = stsEndpoint();
            boolean tls = false;
            for (Throwable t = e; t != null && !tls; t = t.getCause() == t ? null : t.getCause()) {
                tls = t instanceof javax.net.ssl.SSLException;
            }
            throw new RunRequestException((tls ? "TLS refused by " : "cannot reach ") + endpoint
                    + " (AWS_ENDPOINT_URL, AWS_REGION, proxy): " + oneLine(e));
        }
    }

    /** Where the SDK sent the call: the configured endpoint, AWS's endpoint variables, else STS of the region. */
    private String stsEndpoint() {
        for (String configured : new String[]{properties.aws().endpoint(), System.getenv("AWS_ENDPOINT_URL_STS"),
                System.getenv("AWS_ENDPOINT_URL")}) {
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
        }
        return "AWS STS in " + properties.aws().region();
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private AccountFilter filter() {
        AuditProperties.Filters f = properties.filters();
        return new AccountFilter(asSet(f.includeAccounts()), asSet(f.excludeAccounts()), f.includeOus(), f.excludeOus(),
                tags(f.includeTags()), tags(f.excludeTags()));
    }

    private void requireIncludedAccountsFound(DiscoveryResult result) {
        if (!properties.filters().requireIncluded()) {
            return;
        }
        for (String id : properties.filters().includeAccounts()) {
            boolean found = result.accounts().stream().anyMatch(d -> d.account().accountId().equals(id));
            if (!found) {
                throw new RunRequestException("account " + id + " is not in organization " + result.organizationId());
            }
        }
    }

    /** What the run was asked to do, for the manifest and the auditor's population statement. No secrets. */
    private Map<String, String> runParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("roleName", properties.roleName());
        p.put("externalId", properties.externalId() == null || properties.externalId().isBlank() ? "none" : "set");
        p.put("concurrency", String.valueOf(properties.concurrency()));
        AuditProperties.Filters f = properties.filters();
        putIfAny(p, "includeAccounts", f.includeAccounts());
        putIfAny(p, "excludeAccounts", f.excludeAccounts());
        putIfAny(p, "includeOus", f.includeOus());
        putIfAny(p, "excludeOus", f.excludeOus());
        putIfAny(p, "includeTags", f.includeTags());
        putIfAny(p, "excludeTags", f.excludeTags());
        p.put("output", properties.output());
        return p;
    }

    private static void putIfAny(Map<String, String> p, String key, List<String> values) {
        if (!values.isEmpty()) {
            p.put(key, String.join(",", values));
        }
    }

    private static java.util.Set<String> asSet(List<String> values) {
        return new java.util.LinkedHashSet<>(values);
    }

    private static Map<String, String> tags(List<String> pairs) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            tags.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return tags;
    }
}
