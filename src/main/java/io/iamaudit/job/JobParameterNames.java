package io.iamaudit.job;

/** The audit job's parameters. */
final class JobParameterNames {
    /** The run the execution works on; a restart reuses it. */
    static final String RUN_ID = "runId";
    /** {@code org-audit} or {@code account-audit}. */
    static final String KIND = "kind";
    /** Distinguishes executions of one run, so a restart is a new job instance working on the same run. */
    static final String ATTEMPT = "attempt";

    private JobParameterNames() {
    }
}
