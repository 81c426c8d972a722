package io.iamaudit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one place that checks a value against its column type and renders it as csv text, so both writers agree.
 * Text always passes through {@link SafeText#clean}.
 */
final class CellValues {
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private CellValues() {
    }

    /**
     * The value as csv text: ISO-8601 UTC timestamps, plain numbers, cleaned text, a {@link Word} as its text;
     * {@code ""} for no value.
     */
    static String csv(Column<?> column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Word word) {
            return SafeText.clean(word.text());
        }
        return switch (column.spec().type()) {
            case TEXT -> SafeText.clean(value.toString());
            case INTEGER -> Long.toString(number(column, value).longValue());
            case DECIMAL, PERCENT -> decimal(number(column, value).doubleValue());
            case DATE_TIME -> ISO_UTC.format(instant(column, value));
            case DATE -> date(column, value).toString();
            case LINK -> SafeText.clean(link(column, value).label());
        };
    }

    static Number number(Column<?> column, Object value) {
        return expect(column, value, Number.class);
    }

    static Instant instant(Column<?> column, Object value) {
        return expect(column, value, Instant.class);
    }

    static LocalDate date(Column<?> column, Object value) {
        return expect(column, value, LocalDate.class);
    }

    static Link link(Column<?> column, Object value) {
        return expect(column, value, Link.class);
    }

    private static String decimal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static <T> T expect(Column<?> column, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException("column '" + column.spec().key() + "' is " + column.spec().type()
                    + " but its extractor gave " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }
}
