package io.iamaudit.quarterly;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import io.iamaudit.testsupport.JobDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's command through the packaged jar: quarterly-report over a store holding published runs that span
 * the quarter (plus runs it must leave out), then the same quarter again, which must not overwrite the first. With
 * the job repository on the default H2 file and on PostgreSQL.
 */
class QuarterlyReportJarIT {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {JobDatabase.H2, JobDatabase.POSTGRESQL})
    void buildsTheQuarterFromThePublishedRunsAndNeverOverwritesIt(String kind) throws Exception {
        var env = JobDatabase.create(kind).environment();
        Path store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
        JarProcess jar = new JarProcess(Files.createDirectories(temp.resolve("home")));

        // as the container runs it: JSON logs for CloudWatch, the closing summary included
        var jsonEnv = new java.util.HashMap<String, String>(env);
        jsonEnv.put("IAM_AUDIT_LOG_FORMAT", "json");
        JarProcess.Result first = jar.run(jsonEnv, java.time.Duration.ofMinutes(4), "quarterly-report", "--quarter", "2026-Q4", "--input", "file:" + store);

        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCode.COMPLETE);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(first.stdout().lines().filter(l -> !l.isBlank()).toList()).isNotEmpty().allSatisfy(line ->
                assertThat(json.readTree(line).path("log").path("level").asText()).as(line).isNotEmpty());
        assertThat(first.stdout().lines().filter(l -> l.contains("decisions carried forward; published to"))).hasSize(1);
        Path workbook;
        try (Stream<Path> files = Files.walk(store.resolve("quarterly"))) {
            workbook = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("Summary")).isNotNull();
            assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(4);
        }
        assertThat(workbook.resolveSibling("manifest.json")).isRegularFile();

        // The jar runs on the real clock: before 2027-01-01 the report is PRELIMINARY and a second build goes to a
        // folder of its own (QuarterlyPreliminaryTest fixes the clock for both editions); after it, it is final
        // and never overwritten.
        boolean ended = QuarterFixture.Q4.endedBy(java.time.Instant.now());
        assertThat(workbook.getFileName().toString())
                .isEqualTo(ended ? "iam-audit-2026-Q4.xlsx" : "iam-audit-2026-Q4-PRELIMINARY.xlsx");
        Thread.sleep(1100); // a preliminary build of the same second would be refused as already existing
        JarProcess.Result again = jar.run(env, java.time.Duration.ofMinutes(4), "quarterly-report", "--quarter", "2026-Q4", "--input", "file:" + store);
        if (ended) {
            assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCode.USAGE);
            assertThat(again.stderr()).contains("already exists");
        } else {
            assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCode.COMPLETE);
            assertThat(again.stdout()).contains("quarterly 2026-Q4 PRELIMINARY:");
            try (Stream<Path> folders = Files.list(store.resolve("quarterly/2026-Q4-preliminary"))) {
                assertThat(folders).hasSize(2);
            }
        }
    }
}
