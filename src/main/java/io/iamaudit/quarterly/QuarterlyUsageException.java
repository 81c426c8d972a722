package io.iamaudit.quarterly;

/**
 * A problem with what was asked (no published run in the quarter, a report that already exists, an unreadable
 * previous workbook), found before any work: the command reports its one-line message and exits with code 2.
 */
public final class QuarterlyUsageException extends RuntimeException {
    private final String option;

    public QuarterlyUsageException(String message) {
        this(null, message);
    }

    /** @param option the command-line option the problem is about, e.g. {@code --previous}; {@code null} if none */
    public QuarterlyUsageException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The message as one line, prefixed with the option it concerns, if any. */
    public String line() {
        return option == null ? getMessage() : option + ": " + getMessage();
    }
}
