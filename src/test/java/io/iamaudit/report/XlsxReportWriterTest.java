package io.iamaudit.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the produced workbook back with POI and checks what an auditor relies on. */
class XlsxReportWriterTest {
    @TempDir
    static Path folder;
    static InMemoryStagingRepository repo;
    static ReportBundle bundle;
    static XSSFWorkbook workbook;

    @BeforeAll
    static void writeWorkbook() throws IOException {
        repo = SampleRun.repository();
        bundle = ReportFixtures.generate(repo, folder);
        workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("iam-audit-" + SampleRun.RUN_ID + ".xlsx")));
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void sheetsComeInReadingOrderWithTheTemplateHeaders() {
        List<String> names = IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
        assertThat(names).containsExactly("Summary", "Findings", "Least privilege", "Credentials", "Principals",
                "Access Analyzer", "Secrets", "Coverage", "Controls", "Control matrix");
        for (TableSpec table : ReportFixtures.TEMPLATE.tables()) {
            Row header = workbook.getSheet(table.sheet()).getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).as(table.sheet())
                    .containsExactlyElementsOf(table.columns().stream().map(ColumnSpec::header).toList());
        }
        assertThat(workbook.getActiveSheetIndex()).isZero();
    }

    @Test
    void datesAreDatesAndCountsAreNumbers() {
        XSSFSheet findings = workbook.getSheet("Findings");
        Cell firstSeen = cell(findings, aliceRow(findings), "First seen (UTC)");
        assertThat(firstSeen.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(firstSeen)).isTrue();
        assertThat(firstSeen.getLocalDateTimeCellValue()).hasToString("2026-11-28T21:00");

        Cell expiry = cell(findings, findingRow(findings, "fd-exc-1"), "Exception expiry");
        assertThat(cell(findings, findingRow(findings, "fd-exc-1"), "Status").getStringCellValue()).isEqualTo("EXCEPTED");
        assertThat(DateUtil.isCellDateFormatted(expiry)).isTrue();
        assertThat(expiry.getLocalDateTimeCellValue().toLocalDate()).hasToString("2027-03-31");
        Cell due = cell(findings, aliceRow(findings), "Due date");
        assertThat(due.getCellType()).as("empty for the auditor").isEqualTo(CellType.BLANK);
        assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");

        XSSFSheet lp = workbook.getSheet("Least privilege");
        Cell granted = cell(lp, 1, "Granted actions");
        assertThat(granted.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(granted.getNumericCellValue()).isEqualTo(120.0);
        Cell reduction = cell(lp, 1, "Reduction");
        assertThat(reduction.getNumericCellValue()).isCloseTo(0.933, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reduction.getCellStyle().getDataFormatString()).contains("%");

        Cell calls = cell(workbook.getSheet("Coverage"), 1, "AWS calls");
        assertThat(calls.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(calls.getNumericCellValue()).isEqualTo(5.0);

        Cell keyAge = cell(workbook.getSheet("Credentials"), 2, "Key 1 age (days)");
        assertThat(keyAge.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(keyAge.getNumericCellValue()).isGreaterThan(1700);
    }

    @Test
    void credentialsShowAwsWordsAsTextBesideTypedDates() {
        XSSFSheet sheet = workbook.getSheet("Credentials");
        int arn = column(sheet, "ARN");
        int alice = -1;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r).getCell(arn).getStringCellValue().endsWith(":user/alice")) {
                alice = r;
            }
        }
        assertThat(alice).as("alice's row").isPositive();

        Cell keyOneUsed = cell(sheet, alice, "Key 1 last used (UTC)");
        assertThat(keyOneUsed.getCellType()).as("a date stays a date").isEqualTo(CellType.NUMERIC);
        Cell keyTwoUsed = cell(sheet, alice, "Key 2 last used (UTC)");
        assertThat(keyTwoUsed.getCellType()).isEqualTo(CellType.STRING);
        assertThat(keyTwoUsed.getStringCellValue()).isEqualTo("N/A");
        assertThat(cell(sheet, alice, "Days since key 2 used").getStringCellValue()).isEqualTo("never");
        assertThat(cell(sheet, alice, "Days since key 1 used").getNumericCellValue()).isEqualTo(9.0);
        assertThat(cell(sheet, alice, "Password next rotation (UTC)").getStringCellValue()).isEqualTo("N/A");
    }

    @Test
    void dataSheetsHaveFrozenHeaderFilterWidthsAndStayUnprotectedSoExcelSortsThem() {
        for (TableSpec table : ReportFixtures.TEMPLATE.tables()) {
            XSSFSheet sheet = workbook.getSheet(table.sheet());
            assertThat(sheet.getPaneInformation().isFreezePane()).as(table.sheet()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(table.sheet()).isTrue();
            assertThat(sheet.getProtect()).as(table.sheet()).isFalse();
            assertThat(sheet.getColumnWidth(0)).isEqualTo(table.columns().get(0).width() * 256);
        }
        XSSFSheet findings = workbook.getSheet("Findings");
        // the auditor's columns keep their fill, so they stand out as the ones to fill in
        assertThat(((XSSFCellStyle) cell(findings, aliceRow(findings), "Decision").getCellStyle()).getFillForegroundXSSFColor())
                .isNotNull();
        assertThat(((XSSFCellStyle) cell(findings, aliceRow(findings), "Evidence").getCellStyle()).getFillForegroundXSSFColor())
                .isNull();
    }

    @Test
    void everySheetPrintsAllItsColumnsOnThePageWidth() {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet sheet = workbook.getSheetAt(i);
            assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName()).isZero();
        }
        assertThat(workbook.getSheet("Findings").getPrintSetup().getLandscape()).isTrue();
        assertThat(workbook.getSheet("Findings").getRepeatingRows()).isNotNull();
    }

    @Test
    void decisionColumnOffersTheDecisionsAsADropDown() {
        XSSFSheet findings = workbook.getSheet("Findings");
        int decision = column(findings, "Decision");
        List<? extends DataValidation> validations = findings.getDataValidations();
        assertThat(validations).hasSize(1);
        DataValidation validation = validations.get(0);
        DataValidationConstraint constraint = validation.getValidationConstraint();
        assertThat(constraint.getExplicitListValues())
                .containsExactly("Remediate", "Accept risk", "False positive", "Exception");
        CellRangeAddress range = validation.getRegions().getCellRangeAddress(0);
        assertThat(range.getFirstColumn()).isEqualTo(decision);
        assertThat(range.getFirstRow()).isEqualTo(1);
        assertThat(range.getLastRow()).isEqualTo(findings.getLastRowNum());
        assertThat(findings.getCTWorksheet().getDataValidations().getDataValidationArray(0).getShowDropDown())
                .as("OOXML showDropDown=true would hide the arrow").isFalse();
    }

    @Test
    void identitiesLinkToTheConsoleAndSeveritiesAreFilled() {
        XSSFSheet findings = workbook.getSheet("Findings");
        Cell principal = cell(findings, aliceRow(findings), "Principal");
        assertThat(principal.getCellType()).isEqualTo(CellType.FORMULA);
        assertThat(principal.getCellFormula())
                .isEqualTo("HYPERLINK(\"https://console.aws.amazon.com/iam/home#/users/details/alice\",\"alice\")");
        assertThat(principal.getCachedFormulaResultType()).isEqualTo(CellType.STRING);
        assertThat(principal.getStringCellValue()).as("cached for readers that do not recalculate").isEqualTo("alice");
        Cell role = cell(workbook.getSheet("Least privilege"), 1, "Principal");
        assertThat(role.getCellFormula()).contains("#/roles/details/deploy-bot");
        Cell severity = cell(findings, aliceRow(findings), "Severity");
        assertThat(severity.getStringCellValue()).isEqualTo("HIGH");
        XSSFCellStyle style = (XSSFCellStyle) severity.getCellStyle();
        assertThat(style.getFillForegroundXSSFColor().getRGB()).isEqualTo(HexFormat.of().parseHex("FF6F61"));
    }

    @Test
    void summaryTotalsReconcileWithEverySheetAndCarryTheReviewHeader() {
        XSSFSheet summary = workbook.getSheet("Summary");
        List<Row> rowsSection = SummaryReader.section(summary, "Rows per sheet (totals reconcile with each sheet)");
        assertThat(rowsSection).hasSize(workbook.getNumberOfSheets() - 1);
        for (Row row : rowsSection) {
            XSSFSheet sheet = workbook.getSheet(row.getCell(0).getStringCellValue());
            assertThat((int) row.getCell(1).getNumericCellValue()).as(sheet.getSheetName())
                    .isEqualTo(sheet.getLastRowNum());
        }
        assertThat(SummaryReader.value(summary, "Run id")).isEqualTo(SampleRun.RUN_ID);
        assertThat(SummaryReader.value(summary, "Organization")).isEqualTo("o-exampleorg1");
        assertThat(SummaryReader.value(summary, "Collected by")).contains("assumed-role/IamAuditRole");
        assertThat(SummaryReader.value(summary, "Population source")).contains("4 accounts discovered");
        assertThat(SummaryReader.number(summary, "Audited")).isEqualTo(2);
        assertThat(SummaryReader.number(summary, "Skipped")).isEqualTo(1);
        assertThat(SummaryReader.number(summary, "Failed")).isEqualTo(1);

        List<Row> bySeverity = SummaryReader.section(summary, "Findings by severity and status");
        Row total = bySeverity.get(bySeverity.size() - 1);
        assertThat((int) total.getCell(total.getLastCellNum() - 1).getNumericCellValue())
                .isEqualTo(workbook.getSheet("Findings").getLastRowNum());
        List<Row> byAccount = SummaryReader.section(summary, "Findings by account");
        int accountTotal = byAccount.stream().skip(1)
                .filter(r -> r.getCell(r.getLastCellNum() - 1).getCellType() == CellType.NUMERIC)
                .mapToInt(r -> (int) r.getCell(r.getLastCellNum() - 1).getNumericCellValue()).sum();
        assertThat(byAccount).as("every account in scope, audited or not").hasSize(1 + 4);
        assertThat(accountTotal).isEqualTo(workbook.getSheet("Findings").getLastRowNum());
        List<Row> topAccounts = SummaryReader.section(summary, "Top risky accounts (FAIL findings, weighted by severity)");
        assertThat(topAccounts.get(1).getCell(0).getStringCellValue()).isEqualTo(SampleRun.MGMT);
        assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(1);
        assertThat(bundle.files().get(0).sheets()).containsEntry("Findings", 6L);
    }

    @Test
    void theSummaryOpensWithAHeadlineThatNamesEveryAccountNotAudited() {
        XSSFSheet summary = workbook.getSheet("Summary");
        String headline = summary.getRow(1).getCell(0).getStringCellValue();
        assertThat(headline).startsWith("2 of 4 accounts audited; 1 skipped (sandbox: account SUSPENDED); "
                + "1 failed (legacy: sts:AssumeRole AccessDenied for IamAuditRole). ");
        long critical = count("Severity", "CRITICAL", "FAIL");
        long high = count("Severity", "HIGH", "FAIL");
        assertThat(headline).contains(critical + " critical and " + high + " high findings;")
                .contains("exception").doesNotContain("NOT_EVALUATED");
        List<Row> accounts = SummaryReader.section(summary, "Coverage");
        assertThat(accounts).anySatisfy(r -> {
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("333333333333");
            assertThat(r.getCell(3).getStringCellValue()).isEqualTo("Skipped");
            assertThat(r.getCell(4).getStringCellValue()).isEqualTo("account SUSPENDED");
        });
    }

    @Test
    void theSeverityTableReconcilesWithTheFindingsSheetStatusByStatus() {
        XSSFSheet summary = workbook.getSheet("Summary");
        List<Row> bySeverity = SummaryReader.section(summary, "Findings by severity and status");
        Row header = bySeverity.get(0);
        assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Not evaluated");
        assertThat(header.getCell(1).getCellStyle().getAlignment())
                .isEqualTo(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
        String[] statuses = {"FAIL", "EXCEPTED", "NOT_EVALUATED"};
        for (Row row : bySeverity.subList(1, bySeverity.size() - 1)) {
            String severity = row.getCell(0).getStringCellValue();
            for (int i = 0; i < statuses.length; i++) {
                assertThat((long) row.getCell(i + 1).getNumericCellValue()).as(severity + " " + statuses[i])
                        .isEqualTo(count("Severity", severity, statuses[i]));
            }
        }
        Row total = bySeverity.get(bySeverity.size() - 1);
        for (int i = 0; i < statuses.length; i++) {
            assertThat((long) total.getCell(i + 1).getNumericCellValue()).isEqualTo(count("Status", statuses[i]));
        }
    }

    /** Findings rows whose column {@code header} is {@code value} and, when given, whose Status is {@code status}. */
    private static long count(String header, String value, String... status) {
        XSSFSheet findings = workbook.getSheet("Findings");
        long n = 0;
        for (int r = 1; r <= findings.getLastRowNum(); r++) {
            if (cell(findings, r, header).getStringCellValue().equals(value)
                    && (status.length == 0 || cell(findings, r, "Status").getStringCellValue().equals(status[0]))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theControlMatrixSaysPerAccountPassFailExceptedOrNotEvaluatedAndReconcilesWithFindings() {
        XSSFSheet matrix = workbook.getSheet("Control matrix");
        PrintLayoutAssertions.table(workbook, matrix);
        Row header = matrix.getRow(0);
        assertThat(header.getCell(3).getStringCellValue()).isEqualTo("management (" + SampleRun.MGMT + ")");
        int rules = io.iamaudit.analyze.rules.Rules.catalog().rules().size();
        assertThat(matrix.getLastRowNum()).as("every catalog rule, and the sample's own rule ids").isGreaterThanOrEqualTo(rules);
        long failFindings = 0;
        int totalColumn = column(matrix, "FAIL findings");
        java.util.Map<String, String> skipped = new java.util.HashMap<>();
        for (int r = 1; r <= matrix.getLastRowNum(); r++) {
            Row row = matrix.getRow(r);
            failFindings += (long) row.getCell(totalColumn).getNumericCellValue();
            skipped.put(row.getCell(0).getStringCellValue(),
                    cell(matrix, r, "sandbox (333333333333)").getStringCellValue());
        }
        assertThat(failFindings).as("FAIL findings reconcile with the Findings sheet")
                .isEqualTo(count("Status", "FAIL"));
        assertThat(skipped.values()).as("an account not audited").containsOnly("NOT EVALUATED");
    }

    @Test
    void aControlWhoseFindingsAreAllExceptedReadsExceptedNotPassOrFail() {
        java.util.List<ControlMatrix.Row> rows;
        try (var outcomes = repo.outcomes(SampleRun.RUN_ID); var findings = repo.findings(SampleRun.RUN_ID)) {
            rows = ControlMatrix.build(io.iamaudit.analyze.rules.Rules.catalog(),
                    io.iamaudit.analyze.RuleDisplays.standard(), repo.coverage(SampleRun.RUN_ID),
                    java.util.stream.Stream.concat(outcomes, java.util.stream.Stream.of(
                            new io.iamaudit.stage.RuleOutcome(SampleRun.RUN_ID, SampleRun.MGMT, "IAM_ADMIN_ROLE",
                                    io.iamaudit.stage.RuleOutcome.Outcome.FAIL, 1, null))), findings);
        }
        ControlMatrix.Row admin = rows.stream().filter(r -> r.ruleId().equals("IAM_ADMIN_ROLE")).findFirst()
                .orElseThrow();
        assertThat(admin.cells().get(SampleRun.MGMT)).isEqualTo("EXCEPTED (1)");
        assertThat(admin.excepted()).isEqualTo(1);
        assertThat(admin.fail()).isZero();
        ControlMatrix.Row mfa = rows.stream().filter(r -> r.ruleId().equals("IAM_USER_MFA")).findFirst().orElseThrow();
        assertThat(mfa.cells().get(SampleRun.MGMT)).as("the look-alike with a FAIL finding").startsWith("FAIL (");
    }

    @Test
    void documentPropertiesCarryTheRunId() {
        assertThat(workbook.getProperties().getCustomProperties().getProperty("RunId").getLpwstr())
                .isEqualTo(SampleRun.RUN_ID);
        assertThat(workbook.getProperties().getCoreProperties().getIdentifier()).isEqualTo(SampleRun.RUN_ID);
    }

    @Test
    void findingsComeBySeverityThenAccountThenRule() {
        XSSFSheet findings = workbook.getSheet("Findings");
        List<String> keys = new ArrayList<>();
        for (int r = 1; r <= findings.getLastRowNum(); r++) {
            keys.add(io.iamaudit.stage.Severity.valueOf(cell(findings, r, "Severity").getStringCellValue()).ordinal()
                    + " " + cell(findings, r, "Account id").getStringCellValue() + " "
                    + cell(findings, r, "Rule").getStringCellValue());
        }
        assertThat(keys).hasSizeGreaterThan(3).isSorted();
        assertThat(keys.get(0)).startsWith("0 ");
    }

    @Test
    void everyStreamFromTheStoreIsClosed() {
        assertThat(repo.openStreams()).isZero();
    }

    @Test
    void aTablePastTheRowLimitContinuesInNumberedSheets(@TempDir Path dir) throws IOException {
        InMemoryStagingRepository many = SampleRun.repository();
        many.generateFindings(SampleRun.RUN_ID, () -> SampleRun.manyFindings(SampleRun.RUN_ID, 13));
        ReportFixtures.generate(many, dir, WorkbookLimits.excel().withMaxRowsPerSheet(5));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve(XlsxReportWriter.fileName(
                SampleRun.RUN_ID))))) {
            assertThat(wb.getSheetName(1)).isEqualTo("Findings");
            assertThat(wb.getSheetName(2)).isEqualTo("Findings (2)");
            assertThat(wb.getSheetName(3)).isEqualTo("Findings (3)");
            assertThat(wb.getSheetName(4)).isEqualTo("Findings (4)");
            assertThat(wb.getSheetName(5)).isEqualTo("Least privilege");
            assertThat(List.of(4, 4, 4, 1)).isEqualTo(IntStream.rangeClosed(1, 4)
                    .mapToObj(i -> wb.getSheetAt(i).getLastRowNum()).toList());
            assertThat(wb.getSheet("Findings (2)").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Severity");
            int findingId = ReportFixtures.TEMPLATE.table("findings").columns().stream().map(ColumnSpec::key).toList()
                    .indexOf("finding_id");
            // 13 generated findings (severities cycling) plus the sample's: the last sheet holds the last in order
            assertThat(wb.getSheet("Findings (4)").getRow(1).getCell(findingId).getStringCellValue())
                    .isEqualTo("fd-9");
            assertThat(SummaryReader.number(wb.getSheet("Summary"), "Findings (4)")).isEqualTo(1);
        }
    }

    static Cell cell(XSSFSheet sheet, int row, String header) {
        return sheet.getRow(row).getCell(column(sheet, header));
    }

    /** The row of alice's MFA finding (HIGH), wherever the severity order puts it. */
    static int aliceRow(XSSFSheet findings) {
        int principal = column(findings, "ARN");
        for (Row row : findings) {
            if (row.getRowNum() > 0 && row.getCell(principal) != null
                    && row.getCell(principal).getStringCellValue().endsWith(":user/alice")
                    && cell(findings, row.getRowNum(), "Rule").getStringCellValue().equals("IAM_USER_MFA")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no finding of alice");
    }

    static int findingRow(XSSFSheet findings, String findingId) {
        int id = column(findings, "Finding id");
        for (Row row : findings) {
            if (row.getRowNum() > 0 && findingId.equals(row.getCell(id).getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no finding " + findingId);
    }

    static int column(XSSFSheet sheet, String header) {
        for (Cell c : sheet.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }
}
