package io.iamaudit.sandbox.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The timestamp forms the protocols use: ISO-8601 (query, REST-JSON, credential report) and epoch seconds (JSON 1.1). */
public final class Timestamps {

    private static final DateTimeFormatter REPORT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code 2025-01-20T10:00:00Z}. */
    public static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The credential report's form, {@code 2025-01-20T10:00:00+00:00}. */
    public static String report(Instant t) {
        return REPORT.format(t);
    }

    /** Epoch seconds with millisecond fraction, as JSON 1.1 services send them. */
    public static BigDecimal epoch(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
    }
}
