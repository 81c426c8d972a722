package io.iamaudit.quarterly;

import io.iamaudit.cli.IamAuditCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code iam-audit quarterly-report}: exit codes and one-line messages, and a full run with the default input. */
class QuarterlyReportCommandTest {
    @TempDir
    static Path temp;
    static Path store;

    @BeforeAll
    static void publish() {
        store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
    }

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        return run(QuarterFixture.FINAL, args);
    }

    static Outcome run(java.time.Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // After quarter end, as the schedule runs it: the final report (QuarterlyPreliminaryTest covers the other).
        int code = IamAuditCli.run(args, new PrintWriter(out), new PrintWriter(err), new picocli.CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = picocli.CommandLine.defaultFactory().create(type);
                if (made instanceof io.iamaudit.cli.QuarterlyReportCommand command) {
                    command.withClock(clock);
                }
                return made;
            }
        });
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertUsage(Outcome outcome, String message) {
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("iam-audit: " + message + System.lineSeparator());
    }

    @Test
    void badQuarterIsAUsageError() {
        assertUsage(run("quarterly-report", "--quarter", "2026-Q5", "--input", store.toString()),
                "--quarter: '2026-Q5' is not a quarter like 2026-Q4");
    }

    @Test
    void badLocationsAreUsageErrors() {
        assertUsage(run("quarterly-report", "--quarter", "2026-Q4", "--input", "ftp://host/x"),
                "--input: invalid output location 'ftp://host/x': unsupported scheme 'ftp' (use s3://bucket/prefix,"
                        + " file:DIR or a path)");
        assertUsage(run("quarterly-report", "--quarter", "2026-Q4", "--input", store.toString(), "--output",
                "s3://Bad_Bucket/x"), "--output: invalid output location 's3://Bad_Bucket/x': 'Bad_Bucket' is not a "
                + "valid S3 bucket name");
    }

    @Test
    void unreadablePreviousWorkbookIsAUsageError() throws IOException {
        Path missing = temp.resolve("missing.xlsx");
        assertUsage(run("quarterly-report", "--quarter", "2026-Q4", "--input", store.toString(), "--previous",
                missing.toString()), "--previous: cannot read file '" + missing + "'");
        Path notAWorkbook = Files.writeString(temp.resolve("notes.xlsx"), "not a workbook");
        Outcome outcome = run("quarterly-report", "--quarter", "2026-Q4", "--input", store.toString(),
                "--output", temp.resolve("never").toString(), "--previous", notAWorkbook.toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("iam-audit: --previous: cannot read workbook '" + notAWorkbook + "': ")
                .hasLineCount(1);
        assertThat(temp.resolve("never/quarterly")).doesNotExist();
    }

    @Test
    void aQuarterWithoutRunsIsAUsageError(@TempDir Path empty) {
        assertUsage(run("quarterly-report", "--quarter", "2026-Q4", "--input", empty.toString()),
                "no published runs between 2026-10-01 and 2026-12-31 in " + empty);
        assertThat(empty.resolve("quarterly")).doesNotExist();
    }

    @Test
    void withoutQuarterReportsTheLastCompletedQuarter(@TempDir Path empty) {
        Quarter last = Quarter.containing(java.time.LocalDate.now(QuarterFixture.FINAL)).previous();
        assertUsage(run("quarterly-report", "--input", empty.toString()),
                "no published runs between " + last.start() + " and " + last.end() + " in " + empty);
    }

    @Test
    void readsTheConfiguredOutputByDefaultAndPublishesBesideTheRuns() {
        System.setProperty("iam-audit.output", "file:" + store);
        try {
            Outcome first = run("quarterly-report", "--quarter", "2026-Q4");
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).contains("quarterly 2026-Q4: 4 findings (2 open, 1 resolved, 1 excepted) from 4 "
                    + "runs (4 skipped, see the Runs sheet)");
            assertThat(store.resolve("quarterly/2026-Q4/iam-audit-2026-Q4.xlsx")).isRegularFile();
            assertThat(store.resolve("quarterly/2026-Q4/manifest.json")).isRegularFile();

            Outcome again = run("quarterly-report", "--quarter", "2026-Q4");
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.err()).startsWith("iam-audit: --output: a quarterly report for 2026-Q4 already exists at "
                    + store.resolve("quarterly/2026-Q4")).hasLineCount(1);
        } finally {
            System.clearProperty("iam-audit.output");
        }
    }

    @Test
    void midQuarterTheCommandPublishesAPreliminaryReportAndSaysSo(@TempDir Path temp) {
        Path store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
        Outcome outcome = run(QuarterFixture.PRELIMINARY, "quarterly-report", "--quarter", "2026-Q4", "--input",
                store.toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("quarterly 2026-Q4 PRELIMINARY: 4 findings").contains(
                store.resolve("quarterly/2026-Q4-preliminary/20261128T220000Z/iam-audit-2026-Q4-PRELIMINARY.xlsx")
                        .toString());
        assertThat(store.resolve("quarterly/2026-Q4")).doesNotExist();
    }
}
