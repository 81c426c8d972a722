package io.iamaudit.job;

/** Starts or resumes the audit job. */
public interface AuditJobRunner {

    /** Starts a new run of the given kind ({@code org-audit} or {@code account-audit}). */
    RunResult start(String kind);

    /**
     * The run {@link #restart()} would resume and the settings it was started with (empty for a run staged before
     * settings were kept).
     *
     * @throws RunRequestException when there is nothing to restart
     */
    ResumedRun resumedRun();

    /** @param settings Spring property name to value, as {@link RunSettings} keeps them */
    record ResumedRun(String runId, java.util.Map<String, String> settings) {
    }

    /** Resumes the newest run that did not publish. */
    RunResult restart();
}
