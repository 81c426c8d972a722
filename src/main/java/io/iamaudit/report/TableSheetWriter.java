package io.iamaudit.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Streams one table into one or more sheets: header, typed cells, frozen header, autofilter, widths, severity fills,
 * console links, the decision drop-down and the print layout; the sheet stays unprotected so Excel sorts it. Past the row limit
 * the table continues in "Name (2)", "Name (3)", ... The one table writer of both workbooks, nightly and quarterly.
 *
 * <p>Links are {@code HYPERLINK} formulas built by the tool (see {@link ConsoleLinks#hyperlinkFormula}), not POI
 * hyperlink objects: SXSSF keeps every hyperlink object in memory until the end (measured: 20,000 links overflow a
 * 128 MiB heap on 100k rows) and Excel caps them at 65,530 per sheet, while a formula streams with its row.
 */
public final class TableSheetWriter<R> {
    private static final String SEVERITY_KEY = "severity";

    private final SXSSFWorkbook workbook;
    private final Table<R> table;
    private final WorkbookStyles styles;
    private final WorkbookLimits limits;
    private final List<String> decisions;
    private final CellStyle[] columnStyles;
    private final PageLabels labels;
    private final Map<String, Long> rowsBySheet = new LinkedHashMap<>();
    private SXSSFSheet sheet;
    private int rowIndex;

    public TableSheetWriter(SXSSFWorkbook workbook, Table<R> table, WorkbookStyles styles, WorkbookLimits limits,
                     List<String> decisions, PageLabels labels) {
        this.labels = labels;
        this.workbook = workbook;
        this.table = table;
        this.styles = styles;
        this.limits = limits;
        this.decisions = decisions;
        this.columnStyles = table.columns().stream().map(c -> styles.forColumn(c.spec())).toArray(CellStyle[]::new);
    }

    /** Writes every row; returns the data rows per sheet, in sheet order. */
    public Map<String, Long> write(Stream<R> rows) {
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
        SheetCells.header(sheet, table.columns(), styles, columnStyles);
        rowIndex = 1;
    }

    private void writeRow(R row) {
        Row sheetRow = sheet.createRow(rowIndex++);
        int lines = 1;
        for (int i = 0; i < columnStyles.length; i++) {
            Column<R> column = table.columns().get(i);
            Object value = column.value(row);
            if (value == null && !column.spec().auditor()) {
                continue;
            }
            if (column.spec().wrap() && value != null) {
                lines = Math.max(lines, SheetCells.lines(value instanceof Link link ? link.label() : value.toString(),
                        SheetCells.width(column.spec())));
            }
            Cell cell = sheetRow.createCell(i);
            cell.setCellStyle(columnStyles[i]);
            if (value != null) {
                setValue(cell, column, value);
            }
        }
        if (lines > 1) {
            sheetRow.setHeightInPoints(SheetCells.rowHeight(lines));
        }
    }

    private void setValue(Cell cell, Column<R> column, Object value) {
        if (value instanceof Word word) {
            SheetCells.text(cell, word.text());
            return;
        }
        switch (column.spec().type()) {
            case TEXT -> {
                SheetCells.text(cell, SheetCaps.cap(column.spec().key(), value.toString()));
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
                String label = SafeText.clean(link.label());
                String formula = ConsoleLinks.hyperlinkFormula(link.url(), label);
                if (formula == null) {
                    cell.setCellValue(SheetCells.fit(label));
                    cell.setCellStyle(styles.text);
                } else {
                    cell.setCellFormula(formula);
                    cell.setCellValue(label); // cached result: readers that do not recalculate show the name
                }
            }
        }
    }

    private void closeSheet() {
        SheetCells.finish(workbook, sheet, table.columns(), rowIndex - 1, decisions, labels);
        rowsBySheet.put(sheet.getSheetName(), (long) rowIndex - 1);
    }
}
