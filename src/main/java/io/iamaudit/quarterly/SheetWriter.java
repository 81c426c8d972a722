package io.iamaudit.quarterly;

import io.iamaudit.report.Column;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.PageLabels;
import io.iamaudit.report.SafeText;
import io.iamaudit.report.SheetCells;
import io.iamaudit.report.WorkbookStyles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Streams one table into one sheet with the nightly workbook's {@link SheetCells}: real types in cells, every text
 * through {@link SafeText#clean}, frozen header, autofilter, severity fills, the Decision drop-down and the print
 * layout; like the nightly table sheets it stays unprotected so Excel can sort it. Unlike the nightly writer it never continues a table in a second
 * sheet: a quarter's table past Excel's row limit is an error.
 */
final class SheetWriter {
    private static final int MAX_ROWS = 1_048_576;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final List<String> decisions;
    private final PageLabels labels;

    SheetWriter(SXSSFWorkbook workbook, WorkbookStyles styles, List<String> decisions, PageLabels labels) {
        this.labels = labels;
        this.workbook = workbook;
        this.styles = styles;
        this.decisions = decisions;
    }

    /** Writes the header and the rows; returns the data rows written. */
    <R> long write(String name, List<Column<R>> columns, Iterable<R> rows) {
        SXSSFSheet sheet = workbook.createSheet(name);
        CellStyle[] columnStyles = columns.stream().map(c -> styles.forColumn(c.spec())).toArray(CellStyle[]::new);
        SheetCells.header(sheet, columns, styles, columnStyles);
        int next = 1;
        for (R row : rows) {
            if (next >= MAX_ROWS) {
                throw new IllegalStateException("sheet '" + name + "' would exceed Excel's " + MAX_ROWS
                        + " rows; the csv file holds the same table");
            }
            Row sheetRow = sheet.createRow(next++);
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                Column<R> column = columns.get(i);
                Object value = column.value(row);
                if (value == null && !column.spec().auditor()) {
                    continue;
                }
                if (column.spec().wrap() && value != null) {
                    lines = Math.max(lines, SheetCells.lines(value.toString(), SheetCells.width(column.spec())));
                }
                Cell cell = sheetRow.createCell(i);
                cell.setCellStyle(columnStyles[i]);
                if (value != null) {
                    set(cell, column.spec(), value);
                }
            }
            if (lines > 1) {
                sheetRow.setHeightInPoints(SheetCells.rowHeight(lines));
            }
        }
        SheetCells.finish(workbook, sheet, columns, next - 1, decisions, labels);
        return next - 1L;
    }

    private void set(Cell cell, ColumnSpec spec, Object value) {
        switch (spec.type()) {
            case TEXT, LINK -> {
                SheetCells.text(cell, value.toString());
                if ("severity".equals(spec.key())) {
                    cell.setCellStyle(styles.severity(value.toString(), cell.getCellStyle()));
                }
            }
            case INTEGER -> cell.setCellValue(((Number) value).longValue());
            case DECIMAL -> cell.setCellValue(((Number) value).doubleValue());
            case PERCENT -> cell.setCellValue(((Number) value).doubleValue() / 100.0);
            case DATE_TIME -> cell.setCellValue(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case DATE -> cell.setCellValue((LocalDate) value);
        }
    }
}
