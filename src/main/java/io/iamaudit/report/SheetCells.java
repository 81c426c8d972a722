package io.iamaudit.report;

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

import java.util.List;

/**
 * What the nightly and the quarterly workbooks do alike when they stream a table into a sheet: the header row,
 * text cells through {@link SafeText#clean}, and the closing autofilter, Decision drop-down and sheet protection
 * with the auditor columns unlocked.
 */
public final class SheetCells {
    /** Excel's limit on the characters of one cell; the csv keeps the full text. */
    public static final int MAX_CELL_CHARS = 32_767;
    private static final String TRUNCATED = " \u2026 [truncated: see the csv file]";
    private static final String DECISION_KEY = "decision";

    private SheetCells() {
    }

    /**
     * Writes the header in row 0 with the template's widths, gives auditor columns their (unlocked) style for the
     * whole column, and freezes the header.
     */
    public static void header(SXSSFSheet sheet, List<? extends Column<?>> columns, CellStyle headerStyle,
                              CellStyle[] columnStyles) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec spec = columns.get(i).spec();
            Cell cell = header.createCell(i);
            cell.setCellValue(spec.header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, spec.width()) * 256);
            if (spec.auditor()) {
                sheet.setDefaultColumnStyle(i, columnStyles[i]);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** Sets the cleaned text, cut to Excel's cell limit. */
    public static void text(Cell cell, String text) {
        cell.setCellValue(fit(SafeText.clean(text)));
    }

    /** A new cell with the cleaned text ({@code ""} for none) and the style. */
    public static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(SafeText.clean(value == null ? "" : value));
        cell.setCellStyle(style);
        return cell;
    }

    /** A new numeric cell with the style. */
    public static Cell number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    static String fit(String text) {
        return text.length() <= MAX_CELL_CHARS ? text
                : text.substring(0, MAX_CELL_CHARS - TRUNCATED.length()) + TRUNCATED;
    }

    /**
     * Closes a table sheet whose last written row is {@code lastRow} (0 when only the header): autofilter over the
     * table, the decision drop-down on the "decision" column, then protection.
     */
    public static void finish(SXSSFWorkbook workbook, SXSSFSheet sheet, List<? extends Column<?>> columns,
                              int lastRow, List<String> decisions) {
        int lastColumn = columns.size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, lastColumn));
        for (int i = 0; i <= lastColumn; i++) {
            if (DECISION_KEY.equals(columns.get(i).spec().key()) && !decisions.isEmpty()) {
                decisionList(sheet, i, Math.max(lastRow, 1), decisions);
            }
        }
        protect(workbook.getXSSFWorkbook().getSheet(sheet.getSheetName()));
    }

    private static void decisionList(SXSSFSheet sheet, int column, int lastRow, List<String> decisions) {
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

    /**
     * Locks the tool's cells against accidental edits while leaving filtering, sorting and resizing free. No
     * password: protection guards against slips, not against the auditor.
     */
    /**
     * Prints the way auditors file evidence: every column on the page width (rows flow onto further pages), the
     * header row repeated on each page, landscape for wide data sheets.
     */
    public static void printable(org.apache.poi.ss.usermodel.Sheet sheet, boolean landscape, boolean repeatHeader) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getPrintSetup().setLandscape(landscape);
        if (repeatHeader) {
            sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
        }
    }

    public static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }
}
