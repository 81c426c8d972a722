package io.iamaudit.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One table definition serving both the workbook sheet and the csv file: the template's ordered columns, each bound
 * to an extractor from the row record.
 *
 * @param <R> the row record
 */
public record Table<R>(TableSpec spec, List<Column<R>> columns) {
    public Table {
        columns = List.copyOf(columns);
    }

    /**
     * Binds the template's columns to extractors by key. The template may leave a known column out (to hide it); a
     * key code does not know, or an auditor column that code would fill, is a template error.
     */
    public static <R> Table<R> bind(TableSpec spec, Map<String, Function<? super R, ?>> extractors) {
        List<Column<R>> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnSpec column : spec.columns()) {
            if (!seen.add(column.key())) {
                throw templateError(spec, "column '" + column.key() + "' appears twice");
            }
            Function<? super R, ?> extractor = extractors.get(column.key());
            if (column.auditor() && extractor != null) {
                throw templateError(spec, "column '" + column.key() + "' is filled by the tool, not an auditor column");
            }
            if (!column.auditor() && extractor == null) {
                throw templateError(spec, "unknown column '" + column.key() + "' (known: " + extractors.keySet() + ")");
            }
            columns.add(new Column<>(column, extractor));
        }
        return new Table<>(spec, columns);
    }

    public String sheetName() {
        return spec.sheet();
    }

    public String csvName() {
        return spec.csv();
    }

    public List<String> headers() {
        return columns.stream().map(c -> c.spec().header()).toList();
    }

    private static IllegalStateException templateError(TableSpec spec, String message) {
        return new IllegalStateException("reports template, table '" + spec.key() + "': " + message);
    }
}
