package io.iamaudit.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.ArrayList;
import java.util.List;

/** Finds values on the Summary sheet by their labels, as a reader would. */
final class SummaryReader {
    private SummaryReader() {
    }

    /** The rows after the section title up to the next empty row. */
    static List<Row> section(XSSFSheet summary, String title) {
        List<Row> rows = new ArrayList<>();
        boolean inside = false;
        for (int r = 0; r <= summary.getLastRowNum(); r++) {
            Row row = summary.getRow(r);
            if (!inside) {
                inside = row != null && title.equals(text(row.getCell(0)));
            } else if (row == null) {
                break;
            } else {
                rows.add(row);
            }
        }
        if (!inside) {
            throw new AssertionError("no section " + title);
        }
        return rows;
    }

    static String value(XSSFSheet summary, String label) {
        return text(row(summary, label).getCell(1));
    }

    static int number(XSSFSheet summary, String label) {
        Cell cell = row(summary, label).getCell(1);
        if (cell.getCellType() != CellType.NUMERIC) {
            throw new AssertionError(label + " is not a number");
        }
        return (int) cell.getNumericCellValue();
    }

    private static Row row(XSSFSheet summary, String label) {
        for (Row row : summary) {
            if (label.equals(text(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("no label " + label);
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
    }
}
