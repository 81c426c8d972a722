package io.iamaudit.report;

import java.util.Objects;

/**
 * One column as the template describes it.
 *
 * @param width   in characters
 * @param auditor an empty column the auditor fills in: unlocked on the protected sheet, no extractor in code
 * @param print   {@code false}: left off the printed page (hidden when a printed column follows it, outside the print
 *                area otherwise); {@code null} or {@code true}: printed
 * @param wrap    long text wraps within the width instead of running into the next column
 */
public record ColumnSpec(String key, String header, CellType type, int width, boolean auditor, Boolean print,
                         boolean wrap) {
    public ColumnSpec {
        Objects.requireNonNull(key, "column key");
        Objects.requireNonNull(header, () -> "header of column " + key);
        Objects.requireNonNull(type, () -> "type of column " + key);
        if (width <= 0) {
            width = 12;
        }
        print = print == null || print;
    }

    /** A printed, unwrapped column. */
    public ColumnSpec(String key, String header, CellType type, int width, boolean auditor) {
        this(key, header, type, width, auditor, true, false);
    }

    public boolean printed() {
        return print;
    }

    /** Numbers are right-aligned in their cells, so their headers are too. */
    public boolean numeric() {
        return type == CellType.INTEGER || type == CellType.DECIMAL || type == CellType.PERCENT;
    }
}
