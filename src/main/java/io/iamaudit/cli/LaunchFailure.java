package io.iamaudit.cli;

/** What stopped an audit command, already described with the run's own settings (database URL, home). */
final class LaunchFailure extends RuntimeException {

    private final transient FailureLine line;

    LaunchFailure(Throwable cause, FailureLine line) {
        super(line.line(), cause);
        this.line = line;
    }

    FailureLine line() {
        return line;
    }
}
