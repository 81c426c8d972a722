package io.iamaudit.stage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the staged data of runs that started before a retention period, so the staging database stays the size
 * of the retention window rather than growing with every night. The output store, not staging, is the system of
 * record: a deleted run's published reports are untouched. The run being finished is never deleted, whatever its
 * age. A run's rows are deleted in one transaction (the step's, when a step calls it), so none is left half-deleted.
 */
public final class StagingRetention {
    /** Every table holding per-run rows; {@code stg_run} goes last so a half-deleted run is still found next time. */
    static final List<String> RUN_TABLES = List.of("stg_account", "stg_coverage", "stg_snapshot", "stg_finding",
            "stg_outcome", "stg_recommendation", "stg_first_seen", "stg_proposal_check", "stg_aws_recommendation",
            "stg_secret_region");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public StagingRetention(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public StagingRetention(DataSource dataSource) {
        this(dataSource, new DataSourceTransactionManager(dataSource));
    }

    /**
     * @param now       the current time
     * @param retention how long staged runs are kept, counted from their start
     * @param keepRunId the run being finished, kept whatever its start
     * @return the ids of the deleted runs, oldest first
     */
    public List<String> deleteExpired(Instant now, Duration retention, String keepRunId) {
        Timestamp cutoff = Timestamp.from(now.minus(retention));
        List<String> expired = jdbc.queryForList("SELECT run_id FROM stg_run WHERE started_at < ? AND run_id <> ?"
                + " ORDER BY started_at, run_id", String.class, cutoff, keepRunId);
        for (String runId : expired) {
            transactions.executeWithoutResult(status -> {
                for (String table : RUN_TABLES) {
                    jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
                }
                jdbc.update("DELETE FROM stg_run WHERE run_id = ?", runId);
            });
        }
        return expired;
    }
}
