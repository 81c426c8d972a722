package io.iamaudit.quarterly;

/**
 * A problem with what was asked (no published run in the quarter, a report that already exists, an unreadable
 * previous workbook), found before any work: the command reports its one-line message and exits with code 2.
 */
public final class QuarterlyUsageException extends RuntimeException {
    public QuarterlyUsageException(String message) {
        super(message);
    }
}
