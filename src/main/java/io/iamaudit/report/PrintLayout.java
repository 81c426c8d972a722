package io.iamaudit.report;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Header;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;

/**
 * How every sheet of the nightly and quarterly workbooks prints: landscape, one page wide and as many tall as needed,
 * the header row repeated on each page, a page header naming the report, run and organization, and a footer with the
 * sheet name, "Page x of y" and the classification label.
 *
 * <p>Readability comes from printing fewer columns, not from shrinking all of them: a column the template marks
 * {@code print: false} is hidden when a printed column follows it, and otherwise simply lies outside the print area
 * (it stays visible on screen). {@link #printedWidth} is what the scale follows; the layout test keeps it under
 * {@link #MAX_PRINTED_WIDTH}.
 */
public final class PrintLayout {
    /**
     * Printed characters per page width that still print at about 70% on Letter landscape with these margins
     * (0.4" each side: about 980 px at 96 dpi; a column is about 7 px a character plus 5 px padding).
     */
    public static final int MAX_PRINTED_WIDTH = 200;
    static final double SIDE_MARGIN_INCHES = 0.4;
    /** Excel's header and footer codes (ECMA-376 Part 1, 18.3.1.39): the sheet name, page number, page count. */
    public static final String SHEET_NAME = "&A";
    public static final String PAGE_X_OF_Y = "Page &P of &N";

    private PrintLayout() {
    }

    /** A table sheet: header row repeated, only the printed columns in the print area. */
    public static void table(Sheet sheet, List<ColumnSpec> columns, int lastRow, PageLabels labels) {
        int lastPrinted = lastPrintedColumn(columns);
        for (int i = 0; i < lastPrinted; i++) {
            if (!columns.get(i).printed()) {
                sheet.setColumnHidden(i, true);
            }
        }
        int index = sheet.getWorkbook().getSheetIndex(sheet);
        sheet.getWorkbook().setPrintArea(index, 0, lastPrinted, 0, Math.max(lastRow, 0));
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        page(sheet, labels);
    }

    /** A free-form sheet (Summary): same page setup, no repeated rows. */
    public static void page(Sheet sheet, PageLabels labels) {
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup setup = sheet.getPrintSetup();
        setup.setLandscape(true);
        setup.setPaperSize(PrintSetup.LETTER_PAPERSIZE);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setMargin(Sheet.LeftMargin, SIDE_MARGIN_INCHES);
        sheet.setMargin(Sheet.RightMargin, SIDE_MARGIN_INCHES);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setMargin(Sheet.HeaderMargin, 0.25);
        sheet.setMargin(Sheet.FooterMargin, 0.25);
        Header header = sheet.getHeader();
        // two parts, not three: a long report name in the left part ran into a centred run id
        header.setLeft(escape(labels.report()));
        header.setRight(escape(labels.run() + "  \u00b7  " + labels.organization()));
        Footer footer = sheet.getFooter();
        footer.setLeft(SHEET_NAME);
        footer.setCenter(PAGE_X_OF_Y);
        footer.setRight(escape(labels.classification()));
    }

    /** The index of the last column that prints. */
    public static int lastPrintedColumn(List<ColumnSpec> columns) {
        for (int i = columns.size() - 1; i >= 0; i--) {
            if (columns.get(i).printed()) {
                return i;
            }
        }
        return columns.size() - 1;
    }

    /** The characters of width that print: the printed columns up to the last one (hidden ones do not count). */
    public static int printedWidth(List<ColumnSpec> columns) {
        int width = 0;
        for (int i = 0; i <= lastPrintedColumn(columns); i++) {
            if (columns.get(i).printed()) {
                width += SheetCells.width(columns.get(i));
            }
        }
        return width;
    }

    /** Header and footer text treats {@code &} as a code: a literal one is doubled. */
    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&&");
    }
}
