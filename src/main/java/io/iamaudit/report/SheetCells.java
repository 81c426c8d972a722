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
    /** Widest column in characters: wider text wraps (the csv has it whole). */
    public static final int MAX_COLUMN_WIDTH = 60;
    /** One line of the template's 10-point font. */
    static final float LINE_POINTS = 13f;
    /** The most lines a row shows (about a quarter of a page), well within Excel's 409-point row limit. */
    public static final int MAX_PRINTED_LINES = 16;

    private SheetCells() {
    }

    /**
     * Writes the header in row 0 with the template's widths (capped at {@link #MAX_COLUMN_WIDTH}), numeric headers
     * right-aligned over their numbers, the row tall enough for the longest wrapped header, auditor columns styled
     * (unlocked) for the whole column, and freezes the header.
     */
    public static void header(SXSSFSheet sheet, List<? extends Column<?>> columns, WorkbookStyles styles,
                              CellStyle[] columnStyles) {
        Row header = sheet.createRow(0);
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec spec = columns.get(i).spec();
            Cell cell = header.createCell(i);
            cell.setCellValue(spec.header());
            cell.setCellStyle(spec.numeric() ? styles.headerNumeric : styles.header);
            sheet.setColumnWidth(i, width(spec) * 256);
            // bold header text is wider than the body's: estimate it on a narrower column
            lines = Math.max(lines, lines(spec.header(), Math.max(1, width(spec) - 4)));
            if (spec.auditor()) {
                sheet.setDefaultColumnStyle(i, columnStyles[i]);
            }
        }
        header.setHeightInPoints(lines * LINE_POINTS + 2);
        sheet.createFreezePane(0, 1);
    }

    /** A column's width in characters: the template's, capped so no single column eats the page. */
    public static int width(ColumnSpec spec) {
        return Math.min(MAX_COLUMN_WIDTH, spec.width());
    }

    /**
     * About how many lines {@code text} takes wrapped in a column {@code width} characters wide. Rows with wrapped
     * cells get this height set: Excel does not grow a row on opening a file, only when a cell is edited.
     */
    public static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        // a column of n characters (sized for the widest digit) holds a few more characters of ordinary text
        int perLine = Math.max(1, width + 2);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    /**
     * The height of a row whose tallest wrapped cell needs {@code lines} lines, up to {@link #MAX_PRINTED_LINES}: a
     * list of 300 services would otherwise fill pages; the cell and the csv keep the whole text.
     */
    public static float rowHeight(int lines) {
        return Math.min(MAX_PRINTED_LINES, lines) * LINE_POINTS + 2;
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
     * table, the decision drop-down on the "decision" column, then the print layout. Table sheets stay unprotected:
     * Excel refuses to sort a protected sheet's locked cells even when sorting is allowed, and the manifest's SHA-256
     * of the file, not sheet protection, is what shows the workbook is the one the tool wrote.
     */
    public static void finish(SXSSFWorkbook workbook, SXSSFSheet sheet, List<? extends Column<?>> columns,
                              int lastRow, List<String> decisions, PageLabels labels) {
        int lastColumn = columns.size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, lastColumn));
        for (int i = 0; i <= lastColumn; i++) {
            if (DECISION_KEY.equals(columns.get(i).spec().key()) && !decisions.isEmpty()) {
                decisionList(sheet, i, Math.max(lastRow, 1), decisions);
            }
        }
        PrintLayout.table(sheet, columns.stream().map(c -> c.spec()).toList(), lastRow,
                labels);
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
     * Locks the cells of a free-form sheet (a Summary) against accidental edits, leaving its unlocked cells (a
     * sign-off block) editable. No password: protection guards against slips, not against the auditor.
     */
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
