package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;

/**
 * A problem with what the user asked for (a bad value, an unreadable file, missing credentials). Its message is one
 * line naming the bad value; the process exits with {@link ExitCode#USAGE} before any work starts.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
