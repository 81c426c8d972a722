package io.iamaudit.report;

import io.iamaudit.stage.Severity;

import java.util.Map;

/** Fonts, fills (RGB hex) and number formats of the workbook, from the template. */
public record StyleSpec(String font, int fontSize, String headerFill, String headerFontColour, String linkFontColour,
                        String auditorFill, String dateTimeFormat, String dateFormat, String decimalFormat,
                        String integerFormat, String percentFormat, Map<Severity, String> severityFills,
                        Map<Severity, String> severityFontColours) {
    public StyleSpec {
        severityFills = severityFills == null ? Map.of() : Map.copyOf(severityFills);
        severityFontColours = severityFontColours == null ? Map.of() : Map.copyOf(severityFontColours);
    }
}
