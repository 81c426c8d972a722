package io.iamaudit.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a run was asked to run with, kept as (non-identifying) job parameters of its executions, so that
 * {@code restart} resumes the run where and as it was asked (its output, filters, role, external id, concurrency,
 * exceptions file), not with whatever the restart's own command line and environment happen to say.
 */
public final class RunSettings {

    /** Spring property names, as {@code application.yml}, the environment and the command line set them. */
    public static final String OUTPUT = "iam-audit.output";
    public static final String CONCURRENCY = "iam-audit.concurrency";
    static final List<String> KEYS = List.of(OUTPUT, "iam-audit.role-name", "iam-audit.external-id", CONCURRENCY,
            "iam-audit.exceptions-file", "iam-audit.kms-key-id",
            "iam-audit.filters.include-accounts", "iam-audit.filters.exclude-accounts",
            "iam-audit.filters.include-ous", "iam-audit.filters.exclude-ous",
            "iam-audit.filters.include-tags", "iam-audit.filters.exclude-tags",
            "iam-audit.filters.require-included");

    /** How many of the newest job instances are searched for the run (a restart resumes the newest run). */
    private static final int SEARCH_DEPTH = 200;

    private RunSettings() {
    }

    /** The settings of this process, as one string each (lists comma-joined, unset as empty). */
    public static Map<String, String> of(AuditProperties p) {
        AuditProperties.Filters f = p.filters();
        List<Object> values = List.of(p.output(), text(p.roleName()), text(p.externalId()),
                String.valueOf(p.concurrency()), text(p.exceptionsFile()), text(p.kmsKeyId()),
                String.join(",", f.includeAccounts()), String.join(",", f.excludeAccounts()),
                String.join(",", f.includeOus()), String.join(",", f.excludeOus()),
                String.join(",", f.includeTags()), String.join(",", f.excludeTags()),
                String.valueOf(f.requireIncluded()));
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            settings.put(KEYS.get(i), (String) values.get(i));
        }
        return settings;
    }

    static JobParametersBuilder addTo(JobParametersBuilder builder, AuditProperties properties) {
        of(properties).forEach((key, value) -> builder.addString(key, value, false));
        return builder;
    }

    /** The settings the run's newest execution ran with; empty for a run staged before settings were kept. */
    static Optional<Map<String, String>> find(JobRepository repository, String jobName, String runId) {
        for (JobInstance instance : repository.getJobInstances(jobName, 0, SEARCH_DEPTH)) {
            JobExecution execution = repository.getLastJobExecution(instance);
            if (execution == null) {
                continue;
            }
            JobParameters parameters = execution.getJobParameters();
            if (runId.equals(parameters.getString(JobParameterNames.RUN_ID))) {
                return Optional.of(from(parameters)).filter(m -> !m.isEmpty());
            }
        }
        return Optional.empty();
    }

    static Map<String, String> from(JobParameters parameters) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : KEYS) {
            JobParameter<?> parameter = parameters.getParameter(key);
            if (parameter != null) {
                settings.put(key, String.valueOf(parameter.value()));
            }
        }
        return settings;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
