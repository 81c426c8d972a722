package io.iamaudit.job;

import io.iamaudit.report.InMemoryStagingRepository;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportGenerator;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.SampleRun;
import io.iamaudit.report.WorkbookLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report step's hand-over to the publish step, through the job execution context instead of a shared field. */
class WrittenReportsTest {

    @Test
    void thePublishStepGetsBackTheBundleTheReportStepWrote(@TempDir Path folder) {
        // given: the report step's bundle of a staged run
        InMemoryStagingRepository staging = SampleRun.repository();
        ReportBundle written = new ReportGenerator(ReportTemplate.loadDefault(), WorkbookLimits.excel(),
                Clock.fixed(Instant.parse("2026-11-28T21:30:00.123456789Z"), ZoneOffset.UTC))
                .generate(staging, SampleRun.RUN_ID, folder, "rules-2026.11");
        ExecutionContext jobContext = new ExecutionContext();

        // when: it travels through the job execution context (as a string: any serializer stores it)
        WrittenReports.of(written).putInto(jobContext);
        ReportBundle read = WrittenReports.from(jobContext).bundle(staging);

        // then: files, counts, paths and the run's context are the ones written (the writers' timings stay in the
        // report step's own context, for the bench: publishing does not need them)
        assertThat(jobContext.get(WrittenReports.KEY)).isInstanceOf(String.class);
        assertThat(written.timings().workbook().rows()).isPositive();
        assertThat(read).isEqualTo(new ReportBundle(written.context(), written.directory(), written.files()));
        assertThat(read.files()).hasSizeGreaterThan(5).isEqualTo(written.files());
        assertThat(read.context().generatedAt()).isEqualTo(written.context().generatedAt());
        assertThat(WrittenReports.listFile(folder, SampleRun.RUN_ID)).isRegularFile();
    }

    /** 800 accounts wrote 187,255 proposal files: the context holds a path, not their list. */
    @Test
    void theContextStaysSmallWhateverTheNumberOfFiles(@TempDir Path work) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(work.resolve("run-1"));
        List<WrittenReports.File> files = new java.util.ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            files.add(new WrittenReports.File("least-privilege/111111111111/role/r" + i + "/P.json",
                    folder.resolve("least-privilege/111111111111/role/r" + i + "/P.json").toString(), 0, null));
        }
        WrittenReports many = new WrittenReports("run-1", folder.toString(), Instant.EPOCH, "0.1.0", "rules-1", files);
        ExecutionContext context = new ExecutionContext();

        many.putInto(context);

        assertThat(context.getString(WrittenReports.KEY)).hasSizeLessThan(500);
        assertThat(WrittenReports.from(context).files()).hasSize(200_000).isEqualTo(files);
    }

    @Test
    void aPublishStepWithoutReportsFailsClearly() {
        assertThatThrownBy(() -> WrittenReports.from(new ExecutionContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no reports");
    }
}
