package io.iamaudit.stage;

import io.iamaudit.report.SampleRun;
import io.iamaudit.testsupport.PostgresPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty weekly runs staged with an advancing clock, each followed by the retention its run ends with: the staging
 * database holds the same rows after every run once the window is full, on H2 and on PostgreSQL.
 */
class StagingRetentionTest {
    private static final Instant FIRST_RUN = Instant.parse("2026-01-04T21:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(35);

    @TempDir
    Path dir;
    private SingleConnectionDataSource connection;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theStagedRowsStayFlatOverThirtyRuns(String database) {
        // given
        DataSource dataSource = dataSource(database);
        JdbcStagingRepository repository = new JdbcStagingRepository(dataSource);
        StagingSchema.migrate(dataSource);
        StagingRetention retention = new StagingRetention(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Long> rowsAfterEachRun = new ArrayList<>();

        // when: a run a week, each ending with the retention step
        for (int week = 0; week < 30; week++) {
            Instant started = FIRST_RUN.plus(Duration.ofDays(7L * week));
            String runId = "run-" + week;
            SampleRun.fill(repository, runId, started);
            retention.deleteExpired(started.plus(Duration.ofHours(1)), RETENTION, runId);
            rowsAfterEachRun.add(stagedRows(jdbc));
        }

        // then: five runs fit in 35 days (the one that started exactly 35 days before the cutoff hour is gone), and
        // from the fifth run on every run leaves exactly five runs' rows
        long oneRun = rowsAfterEachRun.get(0);
        assertThat(oneRun).isGreaterThan(10);
        assertThat(rowsAfterEachRun.subList(0, 5)).containsExactly(oneRun, 2 * oneRun, 3 * oneRun, 4 * oneRun,
                5 * oneRun);
        assertThat(rowsAfterEachRun.subList(5, 30)).containsOnly(5 * oneRun);
        assertThat(jdbc.queryForList("SELECT run_id FROM stg_run ORDER BY started_at", String.class))
                .containsExactly("run-25", "run-26", "run-27", "run-28", "run-29");
        assertThat(repository.findings("run-25").count()).as("a run inside the window keeps its findings")
                .isEqualTo(repository.findings("run-29").count()).isPositive();
        assertThat(repository.findings("run-24").count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theRunBeingFinishedIsKeptWhateverItsAge(String database) {
        // given a restarted run that started long ago, and an old run beside it
        DataSource dataSource = dataSource(database);
        JdbcStagingRepository repository = new JdbcStagingRepository(dataSource);
        StagingSchema.migrate(dataSource);
        SampleRun.fill(repository, "old-other", FIRST_RUN.minus(Duration.ofDays(1)));
        SampleRun.fill(repository, "old-restarted", FIRST_RUN);

        // when
        List<String> deleted = new StagingRetention(dataSource)
                .deleteExpired(FIRST_RUN.plus(Duration.ofDays(90)), RETENTION, "old-restarted");

        // then
        assertThat(deleted).containsExactly("old-other");
        assertThat(repository.run("old-restarted")).isPresent();
        assertThat(repository.snapshots("old-restarted").count()).isPositive();
        assertThat(repository.run("old-other")).isEmpty();
        assertThat(repository.snapshots("old-other").count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyStagingTableIsCoveredByTheRetention(String database) {
        // a table added by a migration (db/staging) and forgotten here would grow forever
        DataSource dataSource = dataSource(database);
        StagingSchema.migrate(dataSource);
        List<String> tables = new JdbcTemplate(dataSource).queryForList("SELECT LOWER(table_name) FROM"
                + " information_schema.tables WHERE LOWER(table_name) LIKE 'stg\\_%'", String.class);

        assertThat(tables).contains("stg_run", "stg_finding");
        assertThat(StagingRetention.RUN_TABLES).containsExactlyInAnyOrderElementsOf(
                tables.stream().filter(t -> !t.equals("stg_run")).toList());
    }

    private long stagedRows(JdbcTemplate jdbc) {
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM stg_run", Long.class);
        for (String table : StagingRetention.RUN_TABLES) {
            rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        }
        return rows;
    }

    /** One connection for the whole test: opening an H2 file or a PostgreSQL session per statement is slow. */
    private DataSource dataSource(String database) {
        boolean h2 = database.equals("h2");
        String url = h2 ? "jdbc:h2:file:" + dir.resolve("staging") : PostgresPeer.freshDatabase();
        connection = new SingleConnectionDataSource(url, h2 ? "sa" : null, h2 ? "" : null, true);
        return connection;
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.destroy();
        }
    }
}
