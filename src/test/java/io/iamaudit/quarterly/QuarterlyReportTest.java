package io.iamaudit.quarterly;

import io.iamaudit.publish.FolderPublisher;
import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.ManifestFile;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunStore;
import io.iamaudit.publish.Sha256;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.iamaudit.quarterly.QuarterFixture.A;
import static io.iamaudit.quarterly.QuarterFixture.B;
import static io.iamaudit.quarterly.QuarterFixture.Q4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quarterly report over a synthetic folder store, read back with POI. */
class QuarterlyReportTest {
    static final String FINDINGS = "Findings at quarter end";
    @TempDir
    static Path temp;
    static Path store;
    static Path output;
    static QuarterlyReport.Result result;
    static WorkbookReader workbook;

    @BeforeAll
    static void publishAndReport() throws IOException {
        store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
        output = temp.resolve("out");
        result = generate(store, output, null);
        workbook = new WorkbookReader(Files.newInputStream(output.resolve("quarterly/2026-Q4/iam-audit-2026-Q4.xlsx")));
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    static QuarterlyReport.Result generate(Path input, Path out, Path previous) {
        return generate(input, out, previous, QuarterFixture.FINAL);
    }

    static QuarterlyReport.Result generate(Path input, Path out, Path previous, java.time.Clock clock) {
        QuarterlyReport report = new QuarterlyReport(QuarterFixture.NIGHTLY, QuarterFixture.TEMPLATE, clock);
        QuarterlyReport.Request request = new QuarterlyReport.Request(Q4,
                RunStore.at(OutputLocation.parse(input.toString()), null), input.toString(),
                RunStore.at(OutputLocation.parse(out.toString()), null), new FolderPublisher(out), previous);
        return report.generate(report.prepare(request));
    }

    @Test
    void everyFindingOfTheQuarterHasItsStateAndDates() {
        assertThat(workbook.dataRows(FINDINGS)).isEqualTo(4);
        assertThatThrownBy(() -> workbook.row(FINDINGS, "f-old")).hasMessageContaining("no row");

        assertThat(workbook.text(FINDINGS, "f-resolved", "State at quarter end")).isEqualTo("Resolved");
        assertThat(workbook.date(FINDINGS, "f-resolved", "First seen")).isEqualTo("2026-10-05");
        assertThat(workbook.date(FINDINGS, "f-resolved", "Last seen")).isEqualTo("2026-10-07");
        // First run where it no longer appears; the damaged 10-21 run that still lists it is not used.
        assertThat(workbook.date(FINDINGS, "f-resolved", "Resolved")).isEqualTo("2026-10-14");
        assertThat(workbook.number(FINDINGS, "f-resolved", "Days open")).isEqualTo(9);
        assertThat(workbook.number(FINDINGS, "f-resolved", "Runs seen")).isEqualTo(2);

        // Missing from 10-14 only because its account failed that night: still open, not resolved.
        assertThat(workbook.text(FINDINGS, "f-open", "State at quarter end")).isEqualTo("Open");
        assertThat(workbook.date(FINDINGS, "f-open", "Last seen")).isEqualTo("2026-11-04");
        assertThat(workbook.date(FINDINGS, "f-open", "Resolved")).isNull();
        assertThat(workbook.number(FINDINGS, "f-open", "Days open")).isEqualTo(30);
        assertThat(workbook.number(FINDINGS, "f-open", "Runs seen")).isEqualTo(3);
        assertThat(workbook.text(FINDINGS, "f-open", "Severity")).isEqualTo("CRITICAL");
        assertThat(workbook.text(FINDINGS, "f-open", "Account id")).isEqualTo(B);
        assertThat(workbook.text(FINDINGS, "f-open", "Evidence (last sighting)"))
                .isEqualTo("evidence of f-open on r5-nov04");
        assertThat(workbook.text(FINDINGS, "f-open", "Principal")).startsWith("'=HYPERLINK");

        assertThat(workbook.text(FINDINGS, "f-exc", "State at quarter end")).isEqualTo("Excepted");
        assertThat(workbook.text(FINDINGS, "f-exc", "Exception owner")).isEqualTo("owner@example.com");
        assertThat(workbook.date(FINDINGS, "f-exc", "Exception expiry")).isEqualTo("2027-03-31");
        assertThat(workbook.number(FINDINGS, "f-exc", "Runs seen")).isEqualTo(4);

        assertThat(workbook.text(FINDINGS, "f-new", "State at quarter end")).isEqualTo("Open");
        assertThat(workbook.date(FINDINGS, "f-new", "First seen")).isEqualTo("2026-11-04");
        assertThat(workbook.number(FINDINGS, "f-new", "Days open")).isZero();
        assertThat(workbook.text(FINDINGS, "f-new", "Best practice")).isEqualTo("SEC02-BP01");
    }

    @Test
    void weeklyTrendCountsTheOpenFindingsOfTheLastRunOfEachWeek() {
        String trend = "Weekly trend";
        assertThat(workbook.dataRows(trend)).isEqualTo(14);
        assertThat(workbook.text(trend, "2026-W40", "Last run of the week")).isEqualTo("(no usable run)");
        assertThat(workbook.text(trend, "2026-W41", "Last run of the week")).isEqualTo("r2-oct07");
        assertThat(workbook.number(trend, "2026-W41", "Open findings")).isEqualTo(2);
        assertThat(workbook.number(trend, "2026-W41", "Open CRITICAL")).isEqualTo(1);
        assertThat(workbook.number(trend, "2026-W41", "Open HIGH")).isEqualTo(1);
        assertThat(workbook.number(trend, "2026-W41", "Open SEC02-BP01")).isEqualTo(1);
        assertThat(workbook.number(trend, "2026-W41", "Open SEC02-BP02")).isEqualTo(1);
        assertThat(workbook.number(trend, "2026-W42", "Open findings")).isZero();
        assertThat(workbook.number(trend, "2026-W42", "Accounts failed")).isEqualTo(1);
        assertThat(workbook.text(trend, "2026-W43", "Last run of the week")).isEqualTo("(no usable run)");
        assertThat(workbook.number(trend, "2026-W43", "Open findings")).isNull();
        assertThat(workbook.number(trend, "2026-W45", "Open findings")).isEqualTo(2);
        assertThat(workbook.number(trend, "2026-W45", "Open LOW")).isEqualTo(1);
        assertThat(workbook.number(trend, "2026-W45", "Open SEC02-BP06")).isZero();
        assertThat(workbook.text(trend, "2026-W53", "Last run of the week")).isEqualTo("(no usable run)");
    }

    @Test
    void accountsShowOpenAndResolvedBySeverityAndTheirRuns() {
        String accounts = "Accounts";
        assertThat(workbook.dataRows(accounts)).isEqualTo(3);
        assertThat(workbook.number(accounts, A, "Open LOW")).isEqualTo(1);
        assertThat(workbook.number(accounts, A, "Open total")).isEqualTo(1);
        assertThat(workbook.number(accounts, A, "Resolved HIGH")).isEqualTo(1);
        assertThat(workbook.number(accounts, A, "Excepted")).isEqualTo(1);
        assertThat(workbook.number(accounts, A, "Runs audited")).isEqualTo(4);
        assertThat(workbook.number(accounts, A, "Runs failed")).isZero();
        assertThat(workbook.number(accounts, B, "Open CRITICAL")).isEqualTo(1);
        assertThat(workbook.number(accounts, B, "Resolved total")).isZero();
        assertThat(workbook.number(accounts, B, "Runs audited")).isEqualTo(3);
        assertThat(workbook.number(accounts, B, "Runs failed")).isEqualTo(1);
        assertThat(workbook.date(accounts, B, "Last audited")).isEqualTo("2026-11-04");
    }

    @Test
    void runsSheetListsEveryRunOfTheQuarterWithWhySomeWereSkipped() {
        String runs = "Runs";
        assertThat(workbook.dataRows(runs)).isEqualTo(8);
        assertThatThrownBy(() -> workbook.row(runs, "r0-sep30")).hasMessageContaining("no row");
        assertThat(workbook.text(runs, "r1-oct05", "Status")).isEqualTo("Used");
        assertThat(workbook.number(runs, "r3-oct14", "Accounts failed")).isEqualTo(1);
        assertThat(workbook.text(runs, "r4-oct21", "Status")).isEqualTo("Skipped");
        assertThat(workbook.text(runs, "r4-oct21", "Why skipped")).contains("csv/findings.csv", "SHA-256");
        assertThat(workbook.text(runs, "r6-nov10", "Why skipped")).contains("no manifest.json");
        assertThat(workbook.text(runs, "r7-nov11", "Why skipped")).contains("account-audit");
        assertThat(workbook.text(runs, "r8-nov12", "Why skipped"))
                .isEqualTo("organization o-other is not the one reported (o-quarter0001)");
        assertThat(result.history().usedRuns()).extracting(r -> r.folder().runId())
                .containsExactly("r1-oct05", "r2-oct07", "r3-oct14", "r5-nov04");
    }

    @Test
    void summaryReconcilesWithTheRowsAndNotesTheSkippedRuns() {
        assertThat(workbook.summaryRow("Quarter").getCell(1).getStringCellValue()).isEqualTo("2026-Q4");
        assertThat(workbook.summaryRow("Organization").getCell(1).getStringCellValue())
                .isEqualTo(QuarterFixture.ORG);
        assertThat(workbook.summaryRow("As of (last run used)").getCell(1).getLocalDateTimeCellValue().toLocalDate())
                .isEqualTo("2026-11-04");
        assertThat(workbook.summaryRow("Runs used").getCell(1).getNumericCellValue()).isEqualTo(4);
        assertThat(workbook.summaryRow("Runs skipped").getCell(1).getNumericCellValue()).isEqualTo(4);
        Row total = workbook.summaryRow("Total");
        assertThat(total.getCell(1).getNumericCellValue()).as("open").isEqualTo(2);
        assertThat(total.getCell(2).getNumericCellValue()).as("resolved").isEqualTo(1);
        assertThat(total.getCell(3).getNumericCellValue()).as("excepted").isEqualTo(1);
        assertThat(total.getCell(5).getNumericCellValue()).as("total").isEqualTo(workbook.dataRows(FINDINGS));
        assertThat(workbook.summaryRow("CRITICAL").getCell(1).getNumericCellValue()).isEqualTo(1);
        assertThat(workbook.summaryRow("Run r4-oct21 (2026-10-21) skipped: csv/findings.csv does not match its "
                + "SHA-256 in the manifest (changed or damaged after publishing)")).isNotNull();
        assertThat(workbook.summaryRow("2026-10-14").getCell(1).getStringCellValue()).isEqualTo("r3-oct14");
    }

    @Test
    void findingsSheetIsSortableWithTheDecisionBesideTheFindingAndADecisionList() {
        XSSFSheet sheet = workbook.sheet(FINDINGS);
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
        assertThat(sheet.getProtect()).isFalse();
        List<String> headers = workbook.headers(FINDINGS);
        assertThat(headers).endsWith("Reviewer", "Ticket", "Due date", "Justification", "Sign-off date");
        assertThat(headers.indexOf("Decision")).as("printed on the page of its finding id")
                .isLessThanOrEqualTo(io.iamaudit.report.PrintLayout.lastPrintedColumn(
                        QuarterFixture.TEMPLATE.findings().columns()));
        Cell decision = workbook.cell(FINDINGS, "f-open", "Decision");
        assertThat(decision.getCellStyle().getLocked()).isFalse();
        assertThat(workbook.cell(FINDINGS, "f-open", "Sign-off date").getCellStyle().getLocked()).isFalse();
        DataValidation validation = sheet.getDataValidations().get(0);
        assertThat(validation.getValidationConstraint().getExplicitListValues())
                .containsExactly("Remediate", "Accept risk", "False positive", "Exception");
        CellRangeAddress range = validation.getRegions().getCellRangeAddress(0);
        assertThat(range.getFirstColumn()).isEqualTo(headers.indexOf("Decision"));
        assertThat(range.getLastRow()).isEqualTo(4);
        assertThat(workbook.sheet("Summary").getProtect()).isTrue();
        for (String name : List.of("Weekly trend", "Accounts", "Runs")) {
            assertThat(workbook.sheet(name).getProtect()).as(name).isFalse();
        }
    }

    @Test
    void theSummaryHasAnUnlockedSignOffBlockOnItsProtectedSheet() {
        XSSFSheet summary = workbook.sheet("Summary");
        assertThat(summary.getProtect()).isTrue();
        for (String label : List.of("Reviewer", "Role", "Date", "Scope", "Conclusion")) {
            Row row = workbook.summaryRow(label);
            assertThat(row.getCell(1).getCellStyle().getLocked()).as(label).isFalse();
        }
        assertThat(workbook.summaryRow("Organization").getCell(1).getCellStyle().getLocked()).isTrue();
    }

    @Test
    void everySheetPrintsLandscapeOnePageWideWithItsColumnsHeaderAndFooter() {
        for (int i = 0; i < workbook.workbook.getNumberOfSheets(); i++) {
            io.iamaudit.report.PrintLayoutAssertions.page(workbook.workbook.getSheetAt(i), "Quarter 2026-Q4",
                    "Organization", QuarterFixture.NIGHTLY.classification());
        }
        io.iamaudit.report.PrintLayoutAssertions.table(workbook.workbook, workbook.sheet(FINDINGS),
                QuarterFixture.TEMPLATE.findings().columns());
        for (String name : List.of("Weekly trend", "Accounts", "Runs")) {
            io.iamaudit.report.PrintLayoutAssertions.table(workbook.workbook, workbook.sheet(name));
        }
    }

    @Test
    void publishesWorkbookCsvAndAManifestThatMatchesThem() throws IOException {
        Path folder = output.resolve("quarterly/2026-Q4");
        Manifest manifest = PublishJson.read(Files.readAllBytes(folder.resolve("manifest.json")), Manifest.class);
        assertThat(manifest.kind()).isEqualTo("quarterly-report");
        assertThat(manifest.runId()).isEqualTo("2026-Q4");
        assertThat(manifest.organizationId()).isEqualTo(QuarterFixture.ORG);
        assertThat(manifest.files()).extracting(ManifestFile::path)
                .containsExactly("iam-audit-2026-Q4.xlsx", "csv/quarterly-findings.csv",
                        "csv/quarterly-weekly-trend.csv", "csv/quarterly-accounts.csv", "csv/quarterly-runs.csv");
        assertThat(manifest.preliminary()).as("a final report says so").isFalse();
        assertThat(manifest.parameters()).containsEntry("edition", "final");
        for (ManifestFile file : manifest.files()) {
            assertThat(Sha256.hex(folder.resolve(file.path()))).as(file.path()).isEqualTo(file.sha256());
        }
        assertThat(manifest.files().get(0).sheets()).containsEntry(FINDINGS, 4L).containsEntry("Runs", 8L);
        List<String> csv = Files.readAllLines(folder.resolve("csv/quarterly-findings.csv"));
        assertThat(csv).hasSize(5);
        assertThat(io.iamaudit.report.CsvBom.strip(csv.get(0))).startsWith("Finding id,State at quarter end,Severity");
        assertThat(csv).anyMatch(l -> l.startsWith("f-resolved,Resolved,HIGH,") && l.contains(",9,")
                && l.contains(",2026-10-14,"));
        assertThat(result.location()).isEqualTo(folder.resolve("iam-audit-2026-Q4.xlsx").toString());
    }

    @Test
    void accountsNeverAuditedAndWeeksWithoutACompleteRunAreEvidenceGaps() {
        String accounts = "Accounts";
        // C was skipped (suspended) by every run: no counts, not zeros, and flagged.
        assertThat(workbook.text(accounts, QuarterFixture.C, "Evidence gap"))
                .isEqualTo("Never audited in the quarter (runs failed 0, skipped 4)");
        assertThat(workbook.number(accounts, QuarterFixture.C, "Open total")).isNull();
        assertThat(workbook.number(accounts, QuarterFixture.C, "Resolved total")).isNull();
        // B failed once but was audited by the other runs: not a gap.
        assertThat(workbook.text(accounts, B, "Evidence gap")).isNull();
        assertThat(workbook.text(accounts, A, "Evidence gap")).isNull();

        String trend = "Weekly trend";
        assertThat(workbook.text(trend, "2026-W41", "Evidence gap")).as("two complete runs").isNull();
        assertThat(workbook.text(trend, "2026-W45", "Evidence gap")).as("a complete run").isNull();
        assertThat(workbook.text(trend, "2026-W42", "Evidence gap")).as("its only run had B failed")
                .isEqualTo(TrendRow.NO_COMPLETE_RUN);
        assertThat(workbook.text(trend, "2026-W43", "Evidence gap")).as("its only run was damaged")
                .isEqualTo(TrendRow.NO_RUN);
        assertThat(workbook.text(trend, "2026-W46", "Evidence gap")).as("unfinished, account-level, other org")
                .isEqualTo(TrendRow.NO_RUN);
        assertThat(workbook.text(trend, "2026-W53", "Evidence gap")).as("the quarter has ended").isEqualTo(TrendRow.NO_RUN);

        String line = workbook.summaryRow("Evidence gaps").getCell(1).getStringCellValue();
        // 14 weeks, of which W41 and W45 had a complete run
        assertThat(line).isEqualTo("1 account never audited (333333333333 legacy); 12 weeks without a complete run "
                + "(2026-W40, 2026-W42, 2026-W43, 2026-W44, 2026-W46, 2026-W47, 2026-W48, 2026-W49, 2026-W50, "
                + "2026-W51, 2026-W52, 2026-W53). See the Accounts and Weekly trend sheets.");
    }

    @Test
    void findingsKeepRecommendationAndSecurityHubFromTheNightlyCsv() {
        assertThat(workbook.text(FINDINGS, "f-open", "Recommendation")).isEqualTo("fix f-open");
        assertThat(workbook.text(FINDINGS, "f-open", "Security Hub")).isEqualTo("IAM.5");
        assertThat(workbook.text(FINDINGS, "f-new", "Recommendation")).isEqualTo("fix f-new");
    }

    @Test
    void everyTableSheetHasItsCsvWithTheSameHeadersAndRows() throws IOException {
        Path csv = output.resolve("quarterly/2026-Q4/csv");
        java.util.Map<String, String> files = java.util.Map.of(FINDINGS, "quarterly-findings.csv",
                "Weekly trend", "quarterly-weekly-trend.csv", "Accounts", "quarterly-accounts.csv",
                "Runs", "quarterly-runs.csv");
        for (var entry : files.entrySet()) {
            List<String> lines = Files.readAllLines(csv.resolve(entry.getValue()));
            assertThat(lines).as(entry.getValue()).hasSize(workbook.dataRows(entry.getKey()) + 1);
            assertThat(io.iamaudit.report.CsvBom.strip(lines.get(0)))
                    .isEqualTo(String.join(",", workbook.headers(entry.getKey())));
        }
        assertThat(Files.readAllLines(csv.resolve("quarterly-accounts.csv")))
                .contains("333333333333,legacy,\"Never audited in the quarter (runs failed 0, skipped 4)\",,,,,,,,,0,0,4,,,,,,");
        assertThat(Files.readAllLines(csv.resolve("quarterly-weekly-trend.csv")))
                .anyMatch(l -> l.startsWith("2026-W43,2026-10-19,No usable run this week,(no usable run),"));
        assertThat(Files.readAllLines(csv.resolve("quarterly-findings.csv"))).anyMatch(l -> l.startsWith("f-open,")
                && l.contains(",IAM.5,") && l.contains(",fix f-open,"));
    }

    @Test
    void neverOverwritesAnExistingQuarterlyReport() throws IOException {
        byte[] before = Files.readAllBytes(output.resolve("quarterly/2026-Q4/manifest.json"));
        assertThatThrownBy(() -> generate(store, output, null)).isInstanceOf(QuarterlyUsageException.class)
                .hasMessageContaining("already exists").hasMessageContaining("never overwritten");
        assertThat(Files.readAllBytes(output.resolve("quarterly/2026-Q4/manifest.json"))).isEqualTo(before);
    }

    @Test
    void aQuarterWithoutPublishedRunsIsAUsageError() {
        QuarterlyReport report = new QuarterlyReport(QuarterFixture.NIGHTLY, QuarterFixture.TEMPLATE,
                QuarterFixture.FINAL);
        RunStore input = RunStore.at(OutputLocation.parse(store.toString()), null);
        assertThatThrownBy(() -> report.prepare(new QuarterlyReport.Request(Quarter.parse("2027-Q1"), input, "S",
                input, new FolderPublisher(temp.resolve("unused")), null)))
                .isInstanceOf(QuarterlyUsageException.class)
                .hasMessage("no published runs between 2027-01-01 and 2027-03-31 in S");
        assertThat(temp.resolve("unused")).doesNotExist();
    }
}
