package io.iamaudit.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a free-form Summary sheet row after row, for the nightly and the quarterly Summary alike: the next row, text
 * through {@link SafeText#clean}, counts, dates and the common row shapes (a titled section, a labelled row, a header
 * row), each in the workbook's styles.
 */
public final class SummaryRows {
    private final Sheet sheet;
    private final WorkbookStyles styles;
    private int next;

    public SummaryRows(Sheet sheet, WorkbookStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** A new row below the last one. */
    public Row row() {
        return sheet.createRow(next++);
    }

    /** The index the next {@link #row()} gets. */
    public int next() {
        return next;
    }

    /** Leaves one row empty. */
    public void skip() {
        skip(1);
    }

    /** Leaves {@code rows} rows empty (or to a drawing placed over them). */
    public void skip(int rows) {
        next += rows;
    }

    /** A row whose first cell is {@code title} in the section style. */
    public Row section(String title) {
        Row row = row();
        text(row, 0, title, styles.section);
        return row;
    }

    /** A row whose first cell is {@code label} in {@code style}; the caller fills its value cells. */
    public Row labelled(String label, CellStyle style) {
        Row row = row();
        text(row, 0, label, style);
        return row;
    }

    /** A row of column headers in the header style. */
    public Row headers(String... headers) {
        Row row = row();
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], styles.header);
        }
        return row;
    }

    /** A header row: the {@code leading} columns' headers, then right-aligned headers over the number columns. */
    public Row headers(List<String> leading, List<String> numbers) {
        Row row = row();
        for (int i = 0; i < leading.size(); i++) {
            text(row, i, leading.get(i), styles.header);
        }
        for (int i = 0; i < numbers.size(); i++) {
            text(row, leading.size() + i, numbers.get(i), styles.headerNumeric);
        }
        return row;
    }

    public Cell text(Row row, int column, String value, CellStyle style) {
        return SheetCells.text(row, column, value, style);
    }

    public Cell number(Row row, int column, long value) {
        return SheetCells.number(row, column, value, styles.integer);
    }

    public Cell date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.date);
        return cell;
    }
}
