package io.iamaudit.quarterly;

import io.iamaudit.report.CellType;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.StyleSpec;
import io.iamaudit.stage.Severity;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The quarterly workbook's cell styles, built once from the nightly template's {@link StyleSpec} so both workbooks
 * share fonts, fills, number formats and severity colours (Excel caps a workbook's styles, so none is made per cell).
 */
final class QuarterlyStyles {
    final CellStyle header;
    final CellStyle text;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle percent;
    final CellStyle dateTime;
    final CellStyle date;
    final CellStyle auditorText;
    final CellStyle auditorDate;
    final CellStyle title;
    final CellStyle section;
    private final Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);

    QuarterlyStyles(Workbook workbook, StyleSpec spec) {
        XSSFFont plain = font(workbook, spec, false, null);
        header = style(workbook, font(workbook, spec, true, spec.headerFontColour()));
        fill(header, spec.headerFill());
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        text = style(workbook, plain);
        integer = numeric(workbook, plain, spec.integerFormat());
        decimal = numeric(workbook, plain, spec.decimalFormat());
        percent = numeric(workbook, plain, spec.percentFormat());
        dateTime = numeric(workbook, plain, spec.dateTimeFormat());
        date = numeric(workbook, plain, spec.dateFormat());
        auditorText = style(workbook, plain);
        auditorText.setLocked(false);
        fill(auditorText, spec.auditorFill());
        auditorDate = numeric(workbook, plain, spec.dateFormat());
        auditorDate.setLocked(false);
        fill(auditorDate, spec.auditorFill());
        XSSFFont titleFont = font(workbook, spec, true, null);
        titleFont.setFontHeightInPoints((short) (spec.fontSize() + 4));
        title = style(workbook, titleFont);
        section = style(workbook, font(workbook, spec, true, null));
        for (Severity s : Severity.values()) {
            String colour = spec.severityFills().get(s);
            if (colour != null) {
                CellStyle style = style(workbook, font(workbook, spec, false, spec.severityFontColours().get(s)));
                fill(style, colour);
                severity.put(s, style);
            }
        }
    }

    CellStyle forColumn(ColumnSpec column) {
        if (column.auditor()) {
            return column.type() == CellType.DATE || column.type() == CellType.DATE_TIME ? auditorDate : auditorText;
        }
        return switch (column.type()) {
            case TEXT, LINK -> text;
            case INTEGER -> integer;
            case DECIMAL -> decimal;
            case PERCENT -> percent;
            case DATE_TIME -> dateTime;
            case DATE -> date;
        };
    }

    CellStyle severity(Severity value, CellStyle fallback) {
        return value == null ? fallback : severity.getOrDefault(value, fallback);
    }

    private static CellStyle style(Workbook workbook, XSSFFont font) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static CellStyle numeric(Workbook workbook, XSSFFont font, String format) {
        CellStyle style = style(workbook, font);
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static XSSFFont font(Workbook workbook, StyleSpec spec, boolean bold, String colour) {
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setFontName(spec.font());
        font.setFontHeightInPoints((short) spec.fontSize());
        font.setBold(bold);
        if (colour != null) {
            font.setColor(new XSSFColor(HexFormat.of().parseHex(colour), null));
        }
        return font;
    }

    private static void fill(CellStyle style, String colour) {
        if (colour != null) {
            ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(colour), null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
