package io.iamaudit.job;

import io.iamaudit.export.FindingExports;
import io.iamaudit.export.FindingFacts;
import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunLayout;
import io.iamaudit.publish.RunStore;
import io.iamaudit.publish.PublishedRun;
import io.iamaudit.publish.Publishers;
import io.iamaudit.publish.RunPublisher;
import io.iamaudit.publish.S3PublishOptions;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportGenerator;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Write the workbook, CSV files and finding exports (OCSF, ASFF) into a local staging folder, then publish them:
 * files first, the manifest last, {@code latest.json} only after the run is complete. The report step hands its
 * files to the publish step through the job execution context ({@link WrittenReports}); this configuration keeps no
 * state of its own.
 */
@Configuration(proxyBeanMethods = false)
class ReportStepConfiguration {

    static final String PUBLISHED_KEY = "published";
    private static final Logger log = LoggerFactory.getLogger(ReportStepConfiguration.class);

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager tx, StagingRepository staging,
                    AuditProperties properties, RuleCatalogVersion catalogVersion, Clock clock,
                    org.springframework.core.env.Environment environment) {
        ReportGenerator generator = new ReportGenerator(ReportTemplate.loadDefault()
                .withClassification(environment.getProperty(ReportTemplate.CLASSIFICATION_PROPERTY)),
                io.iamaudit.report.WorkbookLimits.excel(), clock,
                environment.getProperty(io.iamaudit.report.CsvReportWriter.BOM_PROPERTY, Boolean.class, true));
        return new StepBuilder("report", jobRepository)
                .tasklet((contribution, chunk) -> {
                    String runId = (String) chunk.getStepContext().getJobParameters().get(JobParameterNames.RUN_ID);
                    Path folder = freshFolder(properties.home().resolve("work").resolve(runId));
                    // the OCSF and ASFF exports beside the workbook, so the manifest lists them with their SHA-256
                    // like the rest; written on a thread of their own while the workbook and csv are written
                    ReportBundle bundle = generator.generate(staging, runId, folder, catalogVersion.value(),
                            (context, dir) -> new FindingExports(FindingFacts.Factory.standard(),
                                    context.toolVersion(), properties.aws().region())
                                    .write(staging, context.run(), dir));
                    WrittenReports.of(bundle).putInto(chunk.getStepContext().getStepExecution().getJobExecution()
                            .getExecutionContext());
                    // structured writer figures (rows, ms, CPU ms) for scripts/bench, in BATCH_STEP_EXECUTION_CONTEXT
                    bundle.timings().asContext().forEach(
                            chunk.getStepContext().getStepExecution().getExecutionContext()::putLong);
                    staging.run(runId).ifPresent(r -> staging.saveRun(r.withStatus(AuditRun.Status.REPORTED)));
                    log.info("run {}: reports written to {} ({} files)", runId, folder, bundle.files().size());
                    return RepeatStatus.FINISHED;
                }, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step publishStep(JobRepository jobRepository, PlatformTransactionManager tx, StagingRepository staging,
                     AuditProperties properties, Clock clock) {
        return new StepBuilder("publish", jobRepository)
                .tasklet((contribution, chunk) -> {
                    ReportBundle bundle = WrittenReports.from(chunk.getStepContext().getStepExecution()
                            .getJobExecution().getExecutionContext()).bundle(staging);
                    OutputLocation location = OutputLocation.parse(properties.output());
                    S3PublishOptions options = HistoryLedgers.publishOptions(properties);
                    try (LazyS3Client s3 = new LazyS3Client(properties)) {
                        RunPublisher publisher = new RunPublisher(Publishers.forLocation(location, s3, options), clock);
                        AuditRun run = bundle.context().run();
                        // the ledger learns of the run after its files are complete and before its pointer moves
                        Runnable recordHistory = () -> HistoryLedgers.of(properties, location, s3)
                                .record(RunHistory.of(staging, run));
                        Optional<Manifest> earlier = publishedEarlier(location, s3, run);
                        PublishedRun published = earlier.isPresent()
                                ? publisher.adoptPublished(run, earlier.get(), recordHistory)
                                : publisher.publish(bundle, recordHistory);
                        chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                                .putString(PUBLISHED_KEY, published.location());
                        staging.run(bundle.runId())
                                .ifPresent(r -> staging.saveRun(r.withStatus(AuditRun.Status.PUBLISHED)));
                        log.info("run {}: published to {}", bundle.runId(), published.location());
                    }
                    // the store holds the run now; the staged copies would only pile up in IAM_AUDIT_HOME
                    FileSystemUtils.deleteRecursively(properties.home().resolve("work").resolve(bundle.runId()));
                    return RepeatStatus.FINISHED;
                }, tx)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * The manifest of this run if an earlier, interrupted attempt already published it (the manifest is written
     * last, so its presence means every file is there): restart then only moves latest.json.
     */
    private static Optional<Manifest> publishedEarlier(OutputLocation location, LazyS3Client s3, AuditRun run) {
        RunStore store = RunStore.at(location, location instanceof OutputLocation.S3 ? s3.get() : null);
        String manifest = RunLayout.runPath(run) + RunLayout.MANIFEST;
        if (!store.exists(manifest)) {
            return Optional.empty();
        }
        try (java.io.InputStream in = store.open(manifest)) {
            return Optional.of(PublishJson.read(in.readAllBytes(), Manifest.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published manifest " + manifest, e);
        }
    }

    private static Path freshFolder(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare report folder " + folder, e);
        }
    }
}
