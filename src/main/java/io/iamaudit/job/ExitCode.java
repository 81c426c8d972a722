package io.iamaudit.job;

/** The process exit codes, as documented in the README's operations section. */
public final class ExitCode {
    /** Every account in scope was audited and the run was published. */
    public static final int COMPLETE = 0;
    /** Unexpected failure: nothing new was published. */
    public static final int FAILURE = 1;
    /** A usage or configuration error, caught before any work started. */
    public static final int USAGE = 2;
    /** The run was published, but some accounts could not be audited (they are listed). */
    public static final int ACCOUNTS_FAILED = 3;

    private ExitCode() {
    }
}
