package io.iamaudit.job;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import io.iamaudit.publish.LatestPointer;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunLayout;
import io.iamaudit.quarterly.RunStore;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.TableSpec;
import io.iamaudit.stage.FirstSeen;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Carries each finding's first-seen date over from the previous published run, read from the output store (the
 * system of record: a container's local database does not survive it). Streams the previous findings CSV into the
 * staging store in batches, so memory stays flat however many findings the organization has.
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
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        String runId = (String) chunkContext.getStepContext().getJobParameters().get(JobParameterNames.RUN_ID);
        OutputLocation location = OutputLocation.parse(properties.output());
        try (LazyS3Client s3 = new LazyS3Client(properties)) {
            RunStore store = RunStore.at(location, location instanceof OutputLocation.S3 ? s3.get() : null);
            LatestPointer previous;
            try (InputStream in = store.open(RunLayout.LATEST)) {
                previous = PublishJson.read(in.readAllBytes(), LatestPointer.class);
            } catch (RuntimeException | IOException e) {
                log.info("run {}: no previous published run in {}; first-seen dates start today", runId, location);
                return RepeatStatus.FINISHED;
            }
            int carried = carry(store, previous.runPath() + "csv/findings.csv", runId);
            log.info("run {}: first-seen dates of {} findings carried over from run {}", runId, carried,
                    previous.runId());
        }
        return RepeatStatus.FINISHED;
    }

    private int carry(RunStore store, String findingsCsv, String runId) throws IOException {
        TableSpec findings = ReportTemplate.loadDefault().table("findings");
        try (CSVReader csv = new CSVReader(io.iamaudit.report.CsvBom.reader(store.open(findingsCsv)))) {
            List<String> header = Arrays.asList(csv.readNext());
            int id = header.indexOf(headerOf(findings, "finding_id"));
            int account = header.indexOf(headerOf(findings, "account_id"));
            int firstSeen = header.indexOf(headerOf(findings, "first_seen"));
            if (id < 0 || account < 0 || firstSeen < 0) {
                log.warn("previous findings CSV {} lacks the id, account or first-seen column; history not carried",
                        findingsCsv);
                return 0;
            }
            int carried = 0;
            List<FirstSeen> batch = new ArrayList<>(BATCH);
            for (String[] row; (row = csv.readNext()) != null; ) {
                if (row.length > Math.max(id, Math.max(account, firstSeen)) && !row[firstSeen].isBlank()) {
                    batch.add(new FirstSeen(row[id], row[account], Instant.parse(row[firstSeen])));
                }
                if (batch.size() == BATCH) {
                    staging.saveFirstSeen(runId, batch);
                    carried += batch.size();
                    batch.clear();
                }
            }
            staging.saveFirstSeen(runId, batch);
            return carried + batch.size();
        } catch (CsvValidationException e) {
            throw new IOException("previous findings CSV " + findingsCsv + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    private static String headerOf(TableSpec table, String key) {
        return table.columns().stream().filter(c -> c.key().equals(key)).map(ColumnSpec::header).findFirst()
                .orElse(key);
    }
}
