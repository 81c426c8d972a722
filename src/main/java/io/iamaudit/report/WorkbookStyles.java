package io.iamaudit.report;

import io.iamaudit.stage.Severity;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The workbook's cell styles, created once from the template (Excel caps a workbook at 64,000 styles, so styles are
 * never created per cell). The nightly and the quarterly workbooks both build theirs here, so they share fonts,
 * fills, number formats and severity colours.
 */
public final class WorkbookStyles {
    public final CellStyle header;
    /** The header of a numeric column: right-aligned over its right-aligned numbers. */
    public final CellStyle headerNumeric;
    public final CellStyle text;
    /** Long text that wraps within its column's width rather than running into the next column. */
    public final CellStyle wrapped;
    public final CellStyle integer;
    public final CellStyle decimal;
    public final CellStyle percent;
    public final CellStyle dateTime;
    public final CellStyle date;
    public final CellStyle link;
    /** A console link whose name wraps (long role names) rather than being cut at the next column. */
    public final CellStyle wrappedLink;
    public final CellStyle auditorText;
    public final CellStyle auditorDate;
    public final CellStyle title;
    /** The Summary's headline sentence: bold, wrapped across the page. */
    public final CellStyle headline;
    public final CellStyle section;
    public final CellStyle label;
    private final Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);

    public WorkbookStyles(Workbook workbook, StyleSpec spec) {
        XSSFFont plain = font(workbook, spec, false, null);
        short fontSize = (short) spec.fontSize();
        header = style(workbook, plain);
        ((XSSFCellStyle) header).setFont(font(workbook, spec, true, spec.headerFontColour()));
        fill(header, spec.headerFill());
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true); // long headers wrap in narrow columns instead of being cut ("MFA activ")
        header.setVerticalAlignment(VerticalAlignment.BOTTOM);
        headerNumeric = workbook.createCellStyle();
        headerNumeric.cloneStyleFrom(header);
        headerNumeric.setAlignment(HorizontalAlignment.RIGHT);
        headerNumeric.setIndention((short) 1);
        text = style(workbook, plain);
        wrapped = style(workbook, plain);
        wrapped.setWrapText(true);
        integer = numeric(workbook, plain, spec.integerFormat());
        decimal = numeric(workbook, plain, spec.decimalFormat());
        percent = numeric(workbook, plain, spec.percentFormat());
        dateTime = numeric(workbook, plain, spec.dateTimeFormat());
        date = numeric(workbook, plain, spec.dateFormat());
        link = style(workbook, font(workbook, spec, false, spec.linkFontColour()));
        ((XSSFCellStyle) link).getFont().setUnderline(XSSFFont.U_SINGLE);
        wrappedLink = workbook.createCellStyle();
        wrappedLink.cloneStyleFrom(link);
        wrappedLink.setWrapText(true);
        auditorText = style(workbook, plain);
        auditorText.setLocked(false);
        fill(auditorText, spec.auditorFill());
        auditorDate = numeric(workbook, plain, spec.dateFormat());
        auditorDate.setLocked(false);
        fill(auditorDate, spec.auditorFill());
        XSSFFont titleFont = font(workbook, spec, true, null);
        titleFont.setFontHeightInPoints((short) (fontSize + 4));
        title = style(workbook, titleFont);
        section = style(workbook, font(workbook, spec, true, null));
        XSSFFont headlineFont = font(workbook, spec, true, null);
        headlineFont.setFontHeightInPoints((short) (fontSize + 1));
        headline = style(workbook, headlineFont);
        headline.setWrapText(true);
        label = section;
        for (Severity s : Severity.values()) {
            String fill = spec.severityFills().get(s);
            if (fill != null) {
                CellStyle style = style(workbook, font(workbook, spec, false, spec.severityFontColours().get(s)));
                fill(style, fill);
                severity.put(s, style);
            }
        }
    }

    /** The base style of a column's cells. */
    public CellStyle forColumn(ColumnSpec column) {
        if (column.wrap() && !column.auditor() && (column.type() == CellType.TEXT || column.type() == CellType.LINK)) {
            return column.type() == CellType.LINK ? wrappedLink : wrapped;
        }
        if (column.auditor()) {
            return column.type() == CellType.DATE || column.type() == CellType.DATE_TIME ? auditorDate : auditorText;
        }
        return switch (column.type()) {
            case TEXT -> text;
            case INTEGER -> integer;
            case DECIMAL -> decimal;
            case PERCENT -> percent;
            case DATE_TIME -> dateTime;
            case DATE -> date;
            case LINK -> link;
        };
    }

    /** The severity's fill, or {@code fallback} when the text is no severity or the template gives it no colour. */
    public CellStyle severity(String value, CellStyle fallback) {
        try {
            return severity(Severity.valueOf(value), fallback);
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }

    /** The severity's fill, or {@code fallback} when there is no severity or the template gives it no colour. */
    public CellStyle severity(Severity value, CellStyle fallback) {
        return value == null ? fallback : severity.getOrDefault(value, fallback);
    }

    private static CellStyle style(Workbook workbook, XSSFFont font) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.setFont(font);
        // a row grows with its wrapped cells: every other cell reads from the top, level with the wrapped text
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static CellStyle numeric(Workbook workbook, XSSFFont font, String format) {
        CellStyle style = style(workbook, font);
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        // right-aligned and one space in, so a number never touches the text of the column to its right
        style.setAlignment(HorizontalAlignment.RIGHT);
        style.setIndention((short) 1);
        return style;
    }

    private static XSSFFont font(Workbook workbook, StyleSpec spec, boolean bold, String colour) {
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setFontName(spec.font());
        font.setFontHeightInPoints((short) spec.fontSize());
        font.setBold(bold);
        if (colour != null) {
            font.setColor(colour(colour));
        }
        return font;
    }

    private static void fill(CellStyle style, String colour) {
        if (colour == null) {
            return;
        }
        ((XSSFCellStyle) style).setFillForegroundColor(colour(colour));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    static XSSFColor colour(String hex) {
        return new XSSFColor(HexFormat.of().parseHex(hex), null);
    }
}
