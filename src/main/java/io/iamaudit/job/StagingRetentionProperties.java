package io.iamaudit.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code iam-audit.staging.*}: how long staged runs are kept in the staging database.
 *
 * @param retentionDays staged data of runs that started longer ago is deleted at the end of each run. 35 days keeps
 *                      a month of nightly runs plus a margin for a restart or an investigation after a long weekend;
 *                      the published reports, the system of record, are never touched
 */
@ConfigurationProperties("iam-audit.staging")
public record StagingRetentionProperties(@DefaultValue("35") int retentionDays) {

    public StagingRetentionProperties {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("iam-audit.staging.retention-days must be at least 1, got "
                    + retentionDays);
        }
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
