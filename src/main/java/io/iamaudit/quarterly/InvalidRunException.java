package io.iamaudit.quarterly;

/** A published run that cannot be used (a file that does not match its manifest, a missing column); it is skipped. */
final class InvalidRunException extends RuntimeException {
    InvalidRunException(String message) {
        super(message);
    }
}
