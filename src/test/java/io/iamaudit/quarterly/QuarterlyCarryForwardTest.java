package io.iamaudit.quarterly;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditor decisions of an earlier quarterly workbook carry forward to the findings that persist. */
class QuarterlyCarryForwardTest {
    static final String FINDINGS = "Findings at quarter end";

    @Test
    void carriesDecisionsAndTheTrueFirstSeenForPersistingFindingsOnly(@TempDir Path temp) throws IOException {
        // given: a report of the quarter, filled in by auditors and kept as "last quarter's" workbook
        Path store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
        QuarterlyReportTest.generate(store, temp.resolve("first"), null);
        Path previous = temp.resolve("iam-audit-2026-Q3.xlsx");
        try (WorkbookReader filled = new WorkbookReader(Files.newInputStream(
                temp.resolve("first/quarterly/2026-Q4/iam-audit-2026-Q4.xlsx")))) {
            List<String> headers = filled.headers(FINDINGS);
            Row open = filled.row(FINDINGS, "f-open");
            set(open, headers, "Reviewer", "alice");
            set(open, headers, "Decision", "Remediate");
            set(open, headers, "Ticket", "SEC-1");
            open.getCell(headers.indexOf("Due date")).setCellValue(LocalDate.parse("2027-01-15"));
            set(open, headers, "Justification", "=1+1 needs a change window");
            open.getCell(headers.indexOf("Sign-off date")).setCellValue(LocalDate.parse("2026-12-20"));
            open.getCell(headers.indexOf("First seen")).setCellValue(LocalDate.parse("2026-08-01"));
            Row excepted = filled.row(FINDINGS, "f-exc");
            set(excepted, headers, "Reviewer", "bob");
            set(excepted, headers, "Decision", "Exception");
            XSSFSheet sheet = filled.sheet(FINDINGS);
            Row gone = sheet.createRow(sheet.getLastRowNum() + 1);
            gone.createCell(0).setCellValue("f-gone");
            gone.createCell(headers.indexOf("Decision")).setCellValue("Accept risk");
            try (OutputStream out = Files.newOutputStream(previous)) {
                filled.workbook.write(out);
            }
        }

        // when
        QuarterlyReport.Result result = QuarterlyReportTest.generate(store, temp.resolve("second"), previous);

        // then
        assertThat(result.carried()).isEqualTo(2);
        try (WorkbookReader workbook = new WorkbookReader(Files.newInputStream(
                temp.resolve("second/quarterly/2026-Q4/iam-audit-2026-Q4.xlsx")))) {
            assertThat(workbook.text(FINDINGS, "f-open", "Reviewer")).isEqualTo("alice");
            assertThat(workbook.text(FINDINGS, "f-open", "Decision")).isEqualTo("Remediate");
            assertThat(workbook.text(FINDINGS, "f-open", "Ticket")).isEqualTo("SEC-1");
            assertThat(workbook.date(FINDINGS, "f-open", "Due date")).isEqualTo("2027-01-15");
            assertThat(workbook.text(FINDINGS, "f-open", "Justification")).isEqualTo("'=1+1 needs a change window");
            assertThat(workbook.date(FINDINGS, "f-open", "Sign-off date")).as("signed off anew").isNull();
            assertThat(workbook.date(FINDINGS, "f-open", "First seen")).isEqualTo("2026-08-01");
            assertThat(workbook.number(FINDINGS, "f-open", "Days open")).isEqualTo(95);
            assertThat(workbook.cell(FINDINGS, "f-open", "Reviewer").getCellStyle().getLocked()).isFalse();
            assertThat(workbook.text(FINDINGS, "f-exc", "Decision")).isEqualTo("Exception");
            assertThat(workbook.text(FINDINGS, "f-exc", "Reviewer")).isEqualTo("bob");
            assertThat(workbook.text(FINDINGS, "f-new", "Decision")).isEmpty();
            assertThat(workbook.dataRows(FINDINGS)).as("f-gone is not brought back").isEqualTo(4);
            assertThat(workbook.summaryRow("Decisions carried forward").getCell(1).getNumericCellValue())
                    .isEqualTo(2);
            assertThat(workbook.summaryRow("Previous workbook").getCell(1).getStringCellValue())
                    .isEqualTo("iam-audit-2026-Q3.xlsx");
        }
    }

    private static void set(Row row, List<String> headers, String header, String value) {
        Cell cell = row.getCell(headers.indexOf(header));
        (cell == null ? row.createCell(headers.indexOf(header)) : cell).setCellValue(value);
    }
}
