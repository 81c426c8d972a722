package io.iamaudit.job;

/**
 * The run cannot start as asked (an account outside the organization, nothing to restart). Reported as a usage error:
 * one line, exit code 2, nothing published.
 */
public class RunRequestException extends RuntimeException {
    public RunRequestException(String message) {
        super(message);
    }
}
