package io.iamaudit.report;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly workbook's print setup, read back through POI (see reports-templates/README.md, "Layout rules"). */
class PrintLayoutTest {
    @TempDir
    static Path folder;
    static XSSFWorkbook workbook;

    @BeforeAll
    static void write() throws IOException {
        ReportFixtures.generate(SampleRun.repository(), folder);
        workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("iam-audit-" + SampleRun.RUN_ID + ".xlsx")));
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void everySheetPrintsLandscapeOnePageWideWithHeaderAndFooter() {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            PrintLayoutAssertions.page(workbook.getSheetAt(i), SampleRun.RUN_ID, "Organization o-",
                    ReportFixtures.TEMPLATE.classification());
        }
        assertThat(ReportFixtures.TEMPLATE.classification()).isNotBlank();
    }

    @Test
    void everyTableSheetPrintsItsChosenColumnsAndStaysSortable() {
        for (TableSpec table : ReportFixtures.TEMPLATE.tables()) {
            PrintLayoutAssertions.table(workbook, workbook.getSheet(table.sheet()), table.columns());
        }
    }

    @Test
    void findingsPrintsWhatIsWrongWhereAndKeepsTheRestOnScreen() {
        TableSpec findings = ReportFixtures.TEMPLATE.table("findings");
        List<String> printed = findings.columns().stream().filter(ColumnSpec::printed).map(ColumnSpec::header).toList();
        assertThat(printed).contains("Severity", "Status", "Account id", "Principal", "Rule", "Title", "Evidence");
        XSSFSheet sheet = workbook.getSheet("Findings");
        int recommendation = findings.columns().stream().map(ColumnSpec::key).toList().indexOf("recommendation");
        assertThat(sheet.isColumnHidden(recommendation)).as("after the print area, so visible on screen").isFalse();
        assertThat(workbook.getPrintArea(workbook.getSheetIndex(sheet))).doesNotContain("$Z$");
    }

    @Test
    void aLongRuleIdWrapsInsteadOfBeingCut() {
        XSSFSheet sheet = workbook.getSheet("Findings");
        int rule = ReportFixtures.TEMPLATE.table("findings").columns().stream().map(ColumnSpec::key).toList()
                .indexOf("rule_id");
        assertThat(sheet.getRow(1).getCell(rule).getCellStyle().getWrapText()).isTrue();
    }

    @Test
    void theSummaryIsProtectedAndPrintsLikeTheOtherSheets() {
        XSSFSheet summary = workbook.getSheet("Summary");
        assertThat(summary.getProtect()).as("free-form: nothing to sort, guarded against slips").isTrue();
        assertThat(summary.getPrintSetup().getLandscape()).isTrue();
        assertThat(summary.getHeader().getRight()).contains(SampleRun.RUN_ID);
    }

    @Test
    void rowsWithWrappedTextAreTallEnoughForIt() {
        assertThat(SheetCells.lines("a".repeat(84), 40)).isEqualTo(2);
        assertThat(SheetCells.lines("a".repeat(85), 40)).isEqualTo(3);
        assertThat(SheetCells.lines("short\nsecond", 40)).isEqualTo(2);
        assertThat(SheetCells.lines("", 40)).isEqualTo(1);
        assertThat(SheetCells.rowHeight(1000)).as("capped").isEqualTo(SheetCells.rowHeight(SheetCells.MAX_PRINTED_LINES))
                .isLessThan(409f);
    }
}
