package io.iamaudit.job;

/** Starts or resumes the audit job. */
public interface AuditJobRunner {

    /** Starts a new run of the given kind ({@code org-audit} or {@code account-audit}). */
    RunResult start(String kind);

    /** Resumes the newest run that did not publish. */
    RunResult restart();
}
