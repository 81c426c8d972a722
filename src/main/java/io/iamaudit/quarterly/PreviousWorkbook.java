package io.iamaudit.quarterly;

import io.iamaudit.report.ColumnSpec;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what auditors wrote in an earlier quarterly workbook ("Findings at quarter end": Reviewer, Decision, Ticket,
 * Due date, Justification) by finding id, plus the first-seen date of findings still unresolved there, so a finding
 * open since an earlier quarter keeps its true age. Columns are found by their template header, so a sheet the
 * auditor re-sorted or filtered still reads.
 */
public final class PreviousWorkbook {
    private static final DataFormatter FORMATTER = new DataFormatter();

    private PreviousWorkbook() {
    }

    /** @throws QuarterlyUsageException with a one-line reason when the file is no readable quarterly workbook */
    public static Map<String, AuditorDecision> read(Path file, QuarterlyTemplate template) {
        String sheetName = template.findings().sheet();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                throw unreadable(file, "no sheet '" + sheetName + "' (not a quarterly workbook)");
            }
            Map<String, Integer> columns = header(sheet.getRow(sheet.getFirstRowNum()));
            Integer id = columns.get(header(template, "finding_id"));
            if (id == null) {
                throw unreadable(file, "sheet '" + sheetName + "' has no '" + header(template, "finding_id")
                        + "' column");
            }
            Map<String, AuditorDecision> decisions = new HashMap<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String findingId = row == null ? null : text(row, id);
                if (findingId == null) {
                    continue;
                }
                LocalDate resolved = date(row, columns.get(header(template, "resolved")));
                AuditorDecision decision = new AuditorDecision(
                        text(row, columns.get(header(template, "reviewer"))),
                        text(row, columns.get(header(template, "decision"))),
                        text(row, columns.get(header(template, "ticket"))),
                        date(row, columns.get(header(template, "due_date"))),
                        text(row, columns.get(header(template, "justification"))),
                        resolved == null ? date(row, columns.get(header(template, "first_seen"))) : null);
                if (!decision.isEmpty() || decision.firstSeen() != null) {
                    decisions.put(findingId, decision);
                }
            }
            return decisions;
        } catch (QuarterlyUsageException e) {
            throw e;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw unreadable(file, reason.lines().findFirst().orElse(reason));
        }
    }

    private static QuarterlyUsageException unreadable(Path file, String reason) {
        return new QuarterlyUsageException("--previous", "cannot read workbook '" + file + "': " + reason);
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        if (row != null) {
            for (Cell cell : row) {
                columns.putIfAbsent(FORMATTER.formatCellValue(cell).strip(), cell.getColumnIndex());
            }
        }
        return columns;
    }

    private static String header(QuarterlyTemplate template, String key) {
        return template.findings().columns().stream().filter(c -> c.key().equals(key)).map(ColumnSpec::header)
                .findFirst().orElse(key);
    }

    private static String text(Row row, Integer column) {
        Cell cell = column == null ? null : row.getCell(column);
        if (cell == null) {
            return null;
        }
        String text = FORMATTER.formatCellValue(cell).strip();
        return text.isEmpty() ? null : text;
    }

    /** A real date cell, or text in ISO form (an auditor may type 2027-01-31 into a text cell). */
    private static LocalDate date(Row row, Integer column) {
        Cell cell = column == null ? null : row.getCell(column);
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isValidExcelDate(cell.getNumericCellValue())
                    ? cell.getLocalDateTimeCellValue().toLocalDate() : null;
        }
        try {
            String text = text(row, column);
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
