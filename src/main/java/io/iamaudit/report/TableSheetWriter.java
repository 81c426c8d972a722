package io.iamaudit.report;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Streams one table into one or more sheets: header, typed cells, frozen header, autofilter, widths, severity fills,
 * console links, the decision drop-down and sheet protection with the auditor columns unlocked. Past the row limit
 * the table continues in "Name (2)", "Name (3)", ...
 */
final class TableSheetWriter<R> {
    /** Excel's limit on the characters of one cell; the csv keeps the full text. */
    static final int MAX_CELL_CHARS = 32_767;
    private static final String TRUNCATED = " \u2026 [truncated: see the csv file]";
    private static final String DECISION_KEY = "decision";
    private static final String SEVERITY_KEY = "severity";

    private final SXSSFWorkbook workbook;
    private final Table<R> table;
    private final WorkbookStyles styles;
    private final WorkbookLimits limits;
    private final List<String> decisions;
    private final CellStyle[] columnStyles;
    private final Map<String, Long> rowsBySheet = new LinkedHashMap<>();
    private SXSSFSheet sheet;
    private int rowIndex;
    private int links;

    TableSheetWriter(SXSSFWorkbook workbook, Table<R> table, WorkbookStyles styles, WorkbookLimits limits,
                     List<String> decisions) {
        this.workbook = workbook;
        this.table = table;
        this.styles = styles;
        this.limits = limits;
        this.decisions = decisions;
        this.columnStyles = table.columns().stream().map(c -> styles.forColumn(c.spec())).toArray(CellStyle[]::new);
    }

    /** Writes every row; returns the data rows per sheet, in sheet order. */
    Map<String, Long> write(Stream<R> rows) {
        openSheet();
        Iterator<R> iterator = rows.iterator();
        while (iterator.hasNext()) {
            if (rowIndex >= limits.maxRowsPerSheet()) {
                closeSheet();
                openSheet();
            }
            writeRow(iterator.next());
        }
        closeSheet();
        return rowsBySheet;
    }

    private void openSheet() {
        int part = rowsBySheet.size() + 1;
        String name = part == 1 ? table.sheetName() : table.sheetName() + " (" + part + ")";
        sheet = workbook.createSheet(name);
        rowIndex = 0;
        links = 0;
        Row header = sheet.createRow(rowIndex++);
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnSpec spec = table.columns().get(i).spec();
            Cell cell = header.createCell(i);
            cell.setCellValue(spec.header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, spec.width()) * 256);
            if (spec.auditor()) {
                sheet.setDefaultColumnStyle(i, columnStyles[i]);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private void writeRow(R row) {
        Row sheetRow = sheet.createRow(rowIndex++);
        for (int i = 0; i < columnStyles.length; i++) {
            Column<R> column = table.columns().get(i);
            Object value = column.value(row);
            if (value == null && !column.spec().auditor()) {
                continue;
            }
            Cell cell = sheetRow.createCell(i);
            cell.setCellStyle(columnStyles[i]);
            if (value != null) {
                setValue(cell, column, value);
            }
        }
    }

    private void setValue(Cell cell, Column<R> column, Object value) {
        switch (column.spec().type()) {
            case TEXT -> {
                String text = SafeText.clean(value.toString());
                cell.setCellValue(fit(text));
                if (SEVERITY_KEY.equals(column.spec().key())) {
                    cell.setCellStyle(styles.severity(value.toString(), cell.getCellStyle()));
                }
            }
            case INTEGER -> cell.setCellValue(CellValues.number(column, value).longValue());
            case DECIMAL -> cell.setCellValue(CellValues.number(column, value).doubleValue());
            case PERCENT -> cell.setCellValue(CellValues.number(column, value).doubleValue() / 100.0);
            case DATE_TIME -> cell.setCellValue(LocalDateTime.ofInstant(CellValues.instant(column, value),
                    ZoneOffset.UTC));
            case DATE -> cell.setCellValue(CellValues.date(column, value));
            case LINK -> {
                Link link = CellValues.link(column, value);
                cell.setCellValue(fit(SafeText.clean(link.label())));
                if (link.url() != null && links < limits.maxLinksPerSheet()) {
                    Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
                    hyperlink.setAddress(link.url());
                    cell.setHyperlink(hyperlink);
                    links++;
                } else {
                    cell.setCellStyle(styles.text);
                }
            }
        }
    }

    static String fit(String text) {
        return text.length() <= MAX_CELL_CHARS ? text
                : text.substring(0, MAX_CELL_CHARS - TRUNCATED.length()) + TRUNCATED;
    }

    private void closeSheet() {
        int lastRow = Math.max(rowIndex - 1, 1);
        int lastColumn = table.columns().size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, rowIndex - 1, 0, lastColumn));
        for (int i = 0; i <= lastColumn; i++) {
            if (DECISION_KEY.equals(table.columns().get(i).spec().key()) && !decisions.isEmpty()) {
                addDecisionList(i, lastRow);
            }
        }
        protect(workbook.getXSSFWorkbook().getSheet(sheet.getSheetName()));
        rowsBySheet.put(sheet.getSheetName(), (long) rowIndex - 1);
    }

    private void addDecisionList(int column, int lastRow) {
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
     * Locks the tool's columns against accidental edits while leaving filtering, sorting and resizing free. No
     * password: protection guards against slips, not against the auditor.
     */
    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }
}
