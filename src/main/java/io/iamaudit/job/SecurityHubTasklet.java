package io.iamaudit.job;

import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.RequestPacer;
import io.iamaudit.export.AsffRecord;
import io.iamaudit.export.FindingFacts;
import io.iamaudit.export.ResolvedFindings;
import io.iamaudit.export.SecurityHubImport;
import io.iamaudit.history.FindingLedger;
import io.iamaudit.history.LedgerEntry;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * After publishing, when {@code --security-hub} is on: imports the run's findings into Security Hub, each account's
 * with that account's audit role, then archives the findings this run resolved (the findings ledger, just updated,
 * knows which were open before). Nothing here fails the run: the reports are already published, so a rejected
 * finding or an account without Security Hub is logged with AWS's reason and the summary goes to the job's context.
 */
class SecurityHubTasklet implements Tasklet {
    static final String SUMMARY_KEY = "securityHub";
    private static final Logger log = LoggerFactory.getLogger(SecurityHubTasklet.class);

    private final SecurityHubProperties settings;
    private final RunSessions sessions;
    private final AwsClientFactory factory;
    private final StagingRepository staging;
    private final AuditProperties properties;

    SecurityHubTasklet(SecurityHubProperties settings, RunSessions sessions, AwsClientFactory factory,
                       StagingRepository staging, AuditProperties properties) {
        this.settings = settings;
        this.sessions = sessions;
        this.factory = factory;
        this.staging = staging;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        if (!settings.enabled()) {
            return RepeatStatus.FINISHED;
        }
        String runId = (String) chunk.getStepContext().getJobParameters().get(JobParameterNames.RUN_ID);
        try {
            SecurityHubImport.Result result = importRun(runId);
            chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .putString(SUMMARY_KEY, result.summary());
        } catch (RuntimeException e) {
            // the run is published: a failed import is reported, not a failed run
            log.warn("run {}: Security Hub import failed: {}", runId, e.toString());
            chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .putString(SUMMARY_KEY, "Security Hub import failed: " + e.getMessage());
        }
        return RepeatStatus.FINISHED;
    }

    private SecurityHubImport.Result importRun(String runId) {
        AuditRun run = staging.run(runId).orElseThrow(() -> new IllegalStateException("no staged run " + runId));
        Set<String> audited = staging.coverage(runId).stream()
                .filter(c -> c.status() == AccountCoverage.Status.AUDITED)
                .map(AccountCoverage::accountId).collect(Collectors.toSet());
        List<LedgerEntry> resolved = resolved(run, audited);
        FindingFacts.Factory facts = FindingFacts.Factory.standard();
        AsffRecord asff = new AsffRecord(properties.aws().region());
        RuleCatalog catalog = io.iamaudit.analyze.rules.Rules.catalog();
        RequestPacer pacer = settings.callsPerSecond() <= 0 ? null
                : new RequestPacer(settings.callsPerSecond(), Math.max(1, (int) settings.callsPerSecond()));
        String caller = sessions.caller().account();
        SecurityHubImport.Clients clients = account -> {
            AccountSession session = AccountSession.open(factory, account, caller, sessions.assumeRole(runId));
            return SecurityHubImport.Sender.of(session.securityHub(pacer), session);
        };
        try (Stream<Finding> findings = staging.findings(runId)) {
            Stream<AwsSecurityFinding> active = findings.filter(f -> audited.contains(f.accountId()))
                    .map(f -> asff.of(facts.of(f, run)));
            Stream<AwsSecurityFinding> archived = resolved.stream().map(e -> asff.resolved(
                    facts.of(ResolvedFindings.asFinding(e, run, catalog), run).withLastSeen(e.lastSeen()),
                    run.startedAt()));
            return new SecurityHubImport(clients).send(Stream.concat(active, archived).iterator());
        }
    }

    private List<LedgerEntry> resolved(AuditRun run, Set<String> audited) {
        OutputLocation location = OutputLocation.parse(properties.output());
        try (LazyS3Client s3 = new LazyS3Client(properties)) {
            FindingLedger ledger = HistoryLedgers.of(properties, location, s3).load();
            return ResolvedFindings.of(ledger, run, audited);
        }
    }
}
