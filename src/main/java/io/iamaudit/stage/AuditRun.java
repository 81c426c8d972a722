package io.iamaudit.stage;

import java.time.Instant;
import java.util.Map;

/**
 * One run of a job: its identity and the population it audits.
 *
 * @param kind       {@code org-audit} or {@code account-audit}
 * @param callerArn  the identity that collected (for the auditor's "population source")
 * @param parameters the run's options as given (filters, role name, thresholds), without secrets
 */
public record AuditRun(String runId, String kind, Instant startedAt, String organizationId,
                       String managementAccountId, String callerArn, Map<String, String> parameters, Status status) {
    public AuditRun {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public enum Status { RUNNING, COLLECTED, ANALYZED, REPORTED, PUBLISHED, FAILED }

    public AuditRun withStatus(Status newStatus) {
        return new AuditRun(runId, kind, startedAt, organizationId, managementAccountId, callerArn, parameters,
                newStatus);
    }
}
