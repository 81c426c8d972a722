package io.iamaudit.job;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids sort by start time and are safe in S3 keys and file names: {@code 20261128T221500Z-3f9a}. The random tail
 * keeps two runs started in the same second apart.
 */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next(Clock clock) {
        return STAMP.format(clock.instant()) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
