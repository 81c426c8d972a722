package io.iamaudit.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * One file the report step produced.
 *
 * @param name   path relative to the run folder, with forward slashes ({@code csv/findings.csv})
 * @param rows   data rows (without headers); for the workbook, across all data sheets
 * @param sheets workbook only: data rows per sheet, overflow sheets included; empty for csv
 */
public record ReportFile(String name, Path path, long rows, Map<String, Long> sheets) {
    public ReportFile {
        // most files are proposal files with no sheets (187,000 at 800 accounts, all held until publishing): they
        // share the empty map instead of each wrapping a copy of it
        sheets = sheets == null || sheets.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sheets));
    }
}
