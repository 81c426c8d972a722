package io.iamaudit.job;

import io.iamaudit.history.FindingLedger;
import io.iamaudit.history.HistoryLedger;
import io.iamaudit.history.LedgerEntry;
import io.iamaudit.history.PublishedPointer;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.FirstSeen;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before collection: checks that what is published can be read ({@code latest.json}, the findings ledger; anything
 * present but unreadable stops the run), then stages the first-seen dates the ledger holds for this run's accounts,
 * so each finding keeps the date of the earliest run that reported it, whatever ran in between.
 */
class FindingHistoryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FindingHistoryTasklet.class);
    private static final int BATCH = 1_000;

    private final StagingRepository staging;
    private final AuditProperties properties;

    FindingHistoryTasklet(StagingRepository staging, AuditProperties properties) {
        this.staging = staging;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = (String) chunkContext.getStepContext().getJobParameters().get(JobParameterNames.RUN_ID);
        OutputLocation location = OutputLocation.parse(properties.output());
        try (LazyS3Client s3 = new LazyS3Client(properties)) {
            PublishedPointer.requireReadable(HistoryLedgers.runStore(location, s3));
            HistoryLedger history = HistoryLedgers.of(properties, location, s3);
            FindingLedger ledger = history.load();
            Set<String> accounts = staging.accounts(runId).stream().map(AccountRef::accountId)
                    .collect(Collectors.toSet());
            int carried = carry(ledger, accounts, runId);
            log.info("run {}: first-seen dates of {} findings carried over from the findings ledger {}", runId,
                    carried, history.address());
        }
        return RepeatStatus.FINISHED;
    }

    private int carry(FindingLedger ledger, Set<String> accounts, String runId) {
        int carried = 0;
        List<FirstSeen> batch = new ArrayList<>(BATCH);
        for (LedgerEntry e : ledger.entries()) {
            if (!accounts.contains(e.accountId())) {
                continue;
            }
            batch.add(new FirstSeen(e.findingId(), e.accountId(), e.firstSeen()));
            if (batch.size() == BATCH) {
                staging.saveFirstSeen(runId, batch);
                carried += batch.size();
                batch.clear();
            }
        }
        staging.saveFirstSeen(runId, batch);
        return carried + batch.size();
    }
}
