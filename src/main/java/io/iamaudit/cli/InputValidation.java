package io.iamaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks on values people type, each failing with a one-line message that names the bad value. */
public final class InputValidation {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern OU_ID = Pattern.compile("(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})");
    private static final Pattern TAG = Pattern.compile("[^=]{1,128}=.{0,256}");

    private InputValidation() {
    }

    public static String accountId(String value, String option) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            throw new UsageException(option + ": '" + value + "' is not a 12-digit AWS account id");
        }
        return value;
    }

    public static String quarter(String value) {
        if (value == null || !QUARTER.matcher(value).matches()) {
            throw new UsageException("--quarter: '" + value + "' is not a quarter like 2026-Q4");
        }
        return value;
    }

    /** An OU filter: an OU id, a root id, or a path of OU names such as {@code Root/Workloads}. */
    public static String ouFilter(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new UsageException(option + ": empty OU");
        }
        if (value.startsWith("ou-") && !OU_ID.matcher(value).matches()) {
            throw new UsageException(option + ": '" + value + "' is not a valid OU id");
        }
        return value;
    }

    public static String tag(String value, String option) {
        if (value == null || !TAG.matcher(value).matches()) {
            throw new UsageException(option + ": '" + value + "' is not a tag filter like key=value");
        }
        return value;
    }

    public static Path readableFile(String value, String option) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException(option + ": cannot read file '" + value + "'");
        }
        return path;
    }

    public static int positive(int value, String option) {
        if (value < 1) {
            throw new UsageException(option + ": must be at least 1, got " + value);
        }
        return value;
    }
}
