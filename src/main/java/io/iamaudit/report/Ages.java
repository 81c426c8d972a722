package io.iamaudit.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** Whole days between a timestamp and the moment the data describes (never the wall clock, so reports reproduce). */
final class Ages {
    private Ages() {
    }

    static Long days(Instant since, Instant asOf) {
        if (since == null || asOf == null) {
            return null;
        }
        return Math.max(0, Duration.between(since, asOf).toDays());
    }

    static Instant latest(Instant... instants) {
        return Arrays.stream(instants).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
