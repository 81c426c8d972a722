package io.iamaudit.report;

import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads back through POI what decides how a sheet prints and whether Excel lets an auditor sort it: page setup,
 * print area and hidden columns, print titles, page header and footer, protection. Shared by the nightly and the
 * quarterly workbook tests, so both follow the layout rules of reports-templates/README.md.
 */
public final class PrintLayoutAssertions {
    private PrintLayoutAssertions() {
    }

    /** Landscape, one page wide, header and footer with the run, organization, page x of y and classification. */
    public static void page(XSSFSheet sheet, String run, String organization, String classification) {
        String name = sheet.getSheetName();
        assertThat(sheet.getPrintSetup().getLandscape()).as(name + " landscape").isTrue();
        assertThat(sheet.getFitToPage()).as(name + " fit to page").isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).as(name + " one page wide").isEqualTo((short) 1);
        assertThat(sheet.getPrintSetup().getFitHeight()).as(name + " as many pages tall as needed").isZero();
        assertThat(sheet.getHeader().getLeft()).as(name + " header: the report").isNotBlank();
        assertThat(sheet.getHeader().getRight()).as(name + " header").contains(run);
        assertThat(sheet.getHeader().getRight()).as(name + " header").contains(organization);
        assertThat(sheet.getFooter().getLeft()).as(name + " footer: sheet name").isEqualTo("&A");
        assertThat(sheet.getFooter().getCenter()).as(name + " footer").isEqualTo("Page &P of &N");
        assertThat(sheet.getFooter().getRight()).as(name + " footer").isEqualTo(classification);
    }

    /**
     * A table sheet: header row repeated on every page and frozen, numeric headers right-aligned, the print area from
     * column A to the last printed column and every row, the non-printed columns before it hidden, the printed width
     * within {@link PrintLayout#MAX_PRINTED_WIDTH}, and no protection (Excel sorts it).
     */
    public static void table(XSSFWorkbook workbook, XSSFSheet sheet, List<ColumnSpec> columns) {
        String name = sheet.getSheetName();
        assertThat(sheet.getRepeatingRows()).as(name + " print titles").isEqualTo(CellRangeAddress.valueOf("1:1"));
        assertThat(sheet.getPaneInformation().isFreezePane()).as(name + " frozen header").isTrue();
        assertThat(sheet.getProtect()).as(name + " unprotected, so Excel can sort and filter it").isFalse();
        int lastPrinted = PrintLayout.lastPrintedColumn(columns);
        String area = workbook.getPrintArea(workbook.getSheetIndex(sheet));
        assertThat(area).as(name + " print area")
                .endsWith("$A$1:$" + org.apache.poi.ss.util.CellReference.convertNumToColString(lastPrinted) + "$"
                        + (sheet.getLastRowNum() + 1));
        Row header = sheet.getRow(0);
        int printedWidth = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec spec = columns.get(i);
            boolean hidden = sheet.isColumnHidden(i);
            assertThat(hidden).as(name + " column " + spec.header() + " hidden")
                    .isEqualTo(!spec.printed() && i < lastPrinted);
            assertThat(sheet.getColumnWidth(i)).as(name + " width of " + spec.header())
                    .isLessThanOrEqualTo(SheetCells.MAX_COLUMN_WIDTH * 256);
            if (i <= lastPrinted && !hidden) {
                printedWidth += sheet.getColumnWidth(i) / 256;
            }
            HorizontalAlignment alignment = header.getCell(i).getCellStyle().getAlignment();
            assertThat(alignment == HorizontalAlignment.RIGHT).as(name + " header alignment of " + spec.header())
                    .isEqualTo(spec.numeric());
            assertThat(header.getCell(i).getCellStyle().getWrapText()).as(name + " header wraps").isTrue();
        }
        assertThat(printedWidth).as(name + " printed width in characters").isPositive()
                .isLessThanOrEqualTo(PrintLayout.MAX_PRINTED_WIDTH);
    }

    /** A table sheet whose columns code defines: print titles, frozen, unprotected, printed width within bounds. */
    public static void table(XSSFWorkbook workbook, XSSFSheet sheet) {
        String name = sheet.getSheetName();
        assertThat(sheet.getRepeatingRows()).as(name + " print titles").isEqualTo(CellRangeAddress.valueOf("1:1"));
        assertThat(sheet.getPaneInformation().isFreezePane()).as(name + " frozen header").isTrue();
        assertThat(sheet.getProtect()).as(name + " unprotected, so Excel can sort and filter it").isFalse();
        String area = workbook.getPrintArea(workbook.getSheetIndex(sheet));
        assertThat(area).as(name + " print area").isNotNull();
        int lastPrinted = org.apache.poi.ss.util.AreaReference.isContiguous(area.substring(area.indexOf('!') + 1))
                ? new org.apache.poi.ss.util.AreaReference(area.substring(area.indexOf('!') + 1),
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getLastCell().getCol() : -1;
        int printedWidth = 0;
        for (int i = 0; i <= lastPrinted; i++) {
            if (!sheet.isColumnHidden(i)) {
                printedWidth += sheet.getColumnWidth(i) / 256;
            }
        }
        assertThat(printedWidth).as(name + " printed width in characters").isPositive()
                .isLessThanOrEqualTo(PrintLayout.MAX_PRINTED_WIDTH);
    }
}
