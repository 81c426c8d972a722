package io.iamaudit.quarterly;

import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.PublishJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A report built before the quarter's last day is over (UTC) is PRELIMINARY in its title, file name, folder and
 * manifest, and never blocks the final report built after quarter end; neither is ever overwritten.
 */
class QuarterlyPreliminaryTest {
    static final String PRELIMINARY_FOLDER = "quarterly/2026-Q4-preliminary/20261128T220000Z/";
    static final String PRELIMINARY_WORKBOOK = "iam-audit-2026-Q4-PRELIMINARY.xlsx";

    @Test
    void aPreliminaryBuildThenTheFinalBuildBothSucceed(@TempDir Path temp) throws IOException {
        Path store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
        Path out = temp.resolve("out");

        QuarterlyReport.Result preliminary = QuarterlyReportTest.generate(store, out, null, QuarterFixture.PRELIMINARY);
        Path folder = out.resolve(PRELIMINARY_FOLDER);
        assertThat(preliminary.location()).isEqualTo(folder.resolve(PRELIMINARY_WORKBOOK).toString());
        Manifest manifest = PublishJson.read(Files.readAllBytes(folder.resolve("manifest.json")), Manifest.class);
        assertThat(manifest.preliminary()).isTrue();
        assertThat(manifest.parameters()).containsEntry("edition", "preliminary");
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"preliminary\" : true");
        assertThat(manifest.files().get(0).path()).isEqualTo(PRELIMINARY_WORKBOOK);
        assertThat(out.resolve("quarterly/2026-Q4")).as("the final report's folder stays free").doesNotExist();
        try (WorkbookReader workbook = new WorkbookReader(Files.newInputStream(folder.resolve(PRELIMINARY_WORKBOOK)))) {
            assertThat(workbook.sheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("IAM audit: quarterly review: PRELIMINARY");
            assertThat(workbook.summaryRow("Edition").getCell(1).getStringCellValue())
                    .isEqualTo("PRELIMINARY (quarter in progress)");
            for (int i = 0; i < workbook.workbook.getNumberOfSheets(); i++) {
                assertThat(workbook.workbook.getSheetAt(i).getHeader().getRight()).as("page header of sheet " + i)
                        .contains("PRELIMINARY");
            }
            assertThat(workbook.workbook.getProperties().getCoreProperties().getTitle()).endsWith("(PRELIMINARY)");
            // Week 48 (Nov 23-29) is not over on Saturday Nov 28, nor are the weeks after: not gaps yet.
            assertThat(workbook.text("Weekly trend", "2026-W48", "Evidence gap")).isNull();
            assertThat(workbook.text("Weekly trend", "2026-W48", "Last run of the week")).isEqualTo("(week not over)");
            assertThat(workbook.text("Weekly trend", "2026-W53", "Evidence gap")).isNull();
            // An ended week without a run still is one.
            assertThat(workbook.text("Weekly trend", "2026-W47", "Evidence gap")).isEqualTo(TrendRow.NO_RUN);
            assertThat(workbook.summaryRow("Evidence gaps").getCell(1).getStringCellValue())
                    .contains("6 weeks without a complete run").doesNotContain("W48");
        }

        // After quarter end the final report is built, beside the preliminary one, which is left as it was.
        byte[] before = Files.readAllBytes(folder.resolve("manifest.json"));
        QuarterlyReport.Result finalReport = QuarterlyReportTest.generate(store, out, null, QuarterFixture.FINAL);
        assertThat(finalReport.location())
                .isEqualTo(out.resolve("quarterly/2026-Q4/iam-audit-2026-Q4.xlsx").toString());
        assertThat(finalReport.manifest().preliminary()).isFalse();
        assertThat(Files.readAllBytes(folder.resolve("manifest.json"))).isEqualTo(before);
        try (WorkbookReader workbook = new WorkbookReader(Files.newInputStream(
                out.resolve("quarterly/2026-Q4/iam-audit-2026-Q4.xlsx")))) {
            assertThat(workbook.sheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("IAM audit: quarterly review");
            assertThat(workbook.summaryRow("Edition").getCell(1).getStringCellValue()).isEqualTo("Final");
            assertThat(workbook.sheet("Summary").getHeader().getRight()).doesNotContain("PRELIMINARY");
        }

        // Neither is ever overwritten: the final one again, or a preliminary one of the same second.
        assertThatThrownBy(() -> QuarterlyReportTest.generate(store, out, null, QuarterFixture.FINAL))
                .isInstanceOf(QuarterlyUsageException.class).hasMessageContaining("never overwritten");
        assertThatThrownBy(() -> QuarterlyReportTest.generate(store, out, null, QuarterFixture.PRELIMINARY))
                .isInstanceOf(QuarterlyUsageException.class)
                .hasMessageContaining("a preliminary quarterly report for 2026-Q4 already exists");
        assertThat(Files.readAllBytes(folder.resolve("manifest.json"))).isEqualTo(before);
    }

    @Test
    void theLastDayOfTheQuarterIsStillPreliminaryAndTheNextMidnightIsFinal() {
        Quarter q4 = QuarterFixture.Q4;
        assertThat(q4.endedBy(Instant.parse("2026-12-31T23:59:59Z"))).isFalse();
        assertThat(q4.endedBy(Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
        QuarterlyReport.Edition late = QuarterlyReport.Edition.of(q4, Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(late.preliminary()).isTrue();
        assertThat(late.folder()).isEqualTo("quarterly/2026-Q4-preliminary/20261231T235959Z/");
        QuarterlyReport.Edition last = QuarterlyReport.Edition.of(q4, Clock.fixed(
                Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC).instant());
        assertThat(last.preliminary()).isFalse();
        assertThat(last.folder()).isEqualTo("quarterly/2026-Q4/");
        assertThat(last.workbook()).isEqualTo("iam-audit-2026-Q4.xlsx");
    }
}
