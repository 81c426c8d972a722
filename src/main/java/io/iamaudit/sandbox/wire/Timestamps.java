package io.iamaudit.sandbox.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The timestamp forms the protocols use: ISO-8601 (query, REST-JSON) and epoch seconds (JSON 1.1). The credential
 * report's own form is written by {@code state.CredentialReportCsv}.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** {@code 2025-01-20T10:00:00Z}. */
    public static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Epoch seconds with millisecond fraction, as JSON 1.1 services send them. */
    public static BigDecimal epoch(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
    }
}
