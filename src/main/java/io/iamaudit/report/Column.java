package io.iamaudit.report;

import java.util.function.Function;

/**
 * A template column bound to the function that reads its value from a row. Auditor columns have no extractor and
 * are always empty in the output.
 *
 * @param <R> the row record
 */
public record Column<R>(ColumnSpec spec, Function<? super R, ?> extractor) {

    /** The raw value (String, Number, Instant, LocalDate, Link or null); writers clean and format it. */
    public Object value(R row) {
        return extractor == null ? null : extractor.apply(row);
    }
}
