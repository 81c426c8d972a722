package io.iamaudit.report;

import java.util.List;
import java.util.Objects;

/** One table as the template describes it: the sheet name, the csv file name and the ordered columns. */
public record TableSpec(String key, String sheet, String csv, List<ColumnSpec> columns) {
    public TableSpec {
        Objects.requireNonNull(key, "table key");
        Objects.requireNonNull(sheet, () -> "sheet of table " + key);
        Objects.requireNonNull(csv, () -> "csv of table " + key);
        columns = List.copyOf(columns);
        if (sheet.length() > 26) {
            // 31 is Excel's limit; keep room for an overflow suffix such as " (12)".
            throw new IllegalArgumentException("sheet name longer than 26 characters: " + sheet);
        }
    }
}
