package io.iamaudit.quarterly;

import io.iamaudit.report.Column;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.SafeText;
import io.iamaudit.report.WorkbookStyles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Streams one table into one sheet as the nightly workbook does: real types in cells, every text through
 * {@link SafeText#clean}, frozen header, autofilter, severity fills, the Decision drop-down, and sheet protection
 * with the auditor columns unlocked.
 */
final class SheetWriter {
    static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_ROWS = 1_048_576;
    private static final String TRUNCATED = " \u2026 [truncated: see the csv file]";

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final List<String> decisions;

    SheetWriter(SXSSFWorkbook workbook, WorkbookStyles styles, List<String> decisions) {
        this.workbook = workbook;
        this.styles = styles;
        this.decisions = decisions;
    }

    /** Writes the header and the rows; returns the data rows written. */
    <R> long write(String name, List<Column<R>> columns, Iterable<R> rows) {
        SXSSFSheet sheet = workbook.createSheet(name);
        CellStyle[] columnStyles = columns.stream().map(c -> styles.forColumn(c.spec())).toArray(CellStyle[]::new);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec spec = columns.get(i).spec();
            Cell cell = header.createCell(i);
            cell.setCellValue(spec.header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, spec.width()) * 256);
            if (spec.auditor()) {
                sheet.setDefaultColumnStyle(i, columnStyles[i]);
            }
        }
        sheet.createFreezePane(0, 1);
        int next = 1;
        for (R row : rows) {
            if (next >= MAX_ROWS) {
                throw new IllegalStateException("sheet '" + name + "' would exceed Excel's " + MAX_ROWS
                        + " rows; the csv file holds the same table");
            }
            Row sheetRow = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                Column<R> column = columns.get(i);
                Object value = column.value(row);
                if (value == null && !column.spec().auditor()) {
                    continue;
                }
                Cell cell = sheetRow.createCell(i);
                cell.setCellStyle(columnStyles[i]);
                if (value != null) {
                    set(cell, column.spec(), value);
                }
            }
        }
        int lastColumn = columns.size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 0), 0, lastColumn));
        for (int i = 0; i <= lastColumn; i++) {
            if ("decision".equals(columns.get(i).spec().key()) && !decisions.isEmpty()) {
                decisionList(sheet, i, Math.max(next - 1, 1));
            }
        }
        protect(workbook.getXSSFWorkbook().getSheet(name));
        return next - 1L;
    }

    private void set(Cell cell, ColumnSpec spec, Object value) {
        switch (spec.type()) {
            case TEXT, LINK -> {
                cell.setCellValue(fit(SafeText.clean(value.toString())));
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

    private void decisionList(SXSSFSheet sheet, int column, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(decisions.toArray(String[]::new)),
                new CellRangeAddressList(1, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        validation.setEmptyCellAllowed(true);
        validation.createErrorBox("Decision", "Choose one of: " + String.join(", ", decisions));
        sheet.addValidationData(validation);
    }

    /** Guards the tool's cells against slips (no password), leaving filter, sort and resize free. */
    static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static String fit(String text) {
        return text.length() <= MAX_CELL_CHARS ? text
                : text.substring(0, MAX_CELL_CHARS - TRUNCATED.length()) + TRUNCATED;
    }
}
