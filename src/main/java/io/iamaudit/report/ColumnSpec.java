package io.iamaudit.report;

import java.util.Objects;

/**
 * One column as the template describes it.
 *
 * @param width   in characters
 * @param auditor an empty column the auditor fills in: unlocked on the protected sheet, no extractor in code
 */
public record ColumnSpec(String key, String header, CellType type, int width, boolean auditor) {
    public ColumnSpec {
        Objects.requireNonNull(key, "column key");
        Objects.requireNonNull(header, () -> "header of column " + key);
        Objects.requireNonNull(type, () -> "type of column " + key);
        if (width <= 0) {
            width = 12;
        }
    }
}
