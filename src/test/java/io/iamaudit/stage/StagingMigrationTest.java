package io.iamaudit.stage;

import io.iamaudit.report.SampleRun;
import io.iamaudit.testsupport.PostgresPeer;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A staging database made by the previous release (its own schema-staging.sql, vendored as a test resource, run
 * beside Spring Batch's tables as the job repository shares the database) is adopted by Flyway: its rows survive and
 * its schema then equals that of a database Flyway made from nothing. Staging tables that are not the previous
 * release's are refused and left as they were. On H2 and on PostgreSQL.
 */
class StagingMigrationTest {
    private static final String PREVIOUS_RELEASE_SQL = "previous-release/schema-staging-c2f7075.sql";
    private static final Instant STARTED = Instant.parse("2026-11-30T21:00:00Z");

    private final List<SingleConnectionDataSource> opened = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDatabaseOfThePreviousReleaseIsAdoptedWithItsRows(String database) throws SQLException {
        // given the previous release's staging store, with a run in it, beside the job repository's tables
        DataSource old = previousRelease(database);
        JdbcStagingRepository staged = new JdbcStagingRepository(old);
        SampleRun.fill(staged, "run-before-upgrade", STARTED);
        stageWhatTheSampleRunLeavesOut(new JdbcTemplate(old), "run-before-upgrade");
        Map<String, List<String>> rowsBefore = everyStagedRow(old);

        // when this release starts on it
        MigrateResult result = StagingSchema.migrate(old);

        // then it is recorded as V1 and nothing of it is lost
        assertThat(result.success).isTrue();
        assertThat(history(old)).containsExactly("1 BASELINE staging store of release c2f7075", "2 SQL secrets manager");
        Map<String, List<String>> rowsAfter = everyStagedRow(old);
        assertThat(rowsAfter).containsAllEntriesOf(rowsBefore);
        assertThat(rowsAfter.get("stg_secret_region")).as("V2's table, new and empty").isEmpty();
        assertThat(rowsBefore.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(staged.run("run-before-upgrade")).isPresent();
        try (var snapshots = staged.snapshots("run-before-upgrade")) {
            assertThat(snapshots.count()).isEqualTo(2);
        }
        // and its schema is the one a new database gets, column for column
        DataSource fresh = database(database);
        StagingSchema.migrate(fresh);
        assertThat(schema(old)).isEqualTo(schema(fresh)).isNotEmpty();
        // a second start finds nothing to do, and the adopted store takes the next run
        assertThat(StagingSchema.migrate(old).migrationsExecuted).isZero();
        SampleRun.fill(staged, "run-after-upgrade", STARTED.plusSeconds(86_400));
        assertThat(staged.latestRun().orElseThrow().runId()).isEqualTo("run-after-upgrade");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDatabaseWithOnlyTheJobRepositoryGetsEveryMigration(String database) {
        // given Spring Batch's tables and no staging table (Batch's initializer may run before Flyway)
        DataSource batchOnly = database(database);
        batchTables(batchOnly, database);

        // when
        MigrateResult result = StagingSchema.migrate(batchOnly);

        // then V1 ran: a non-empty schema is not mistaken for one of the previous release
        assertThat(result.migrationsExecuted).isPositive();
        assertThat(history(batchOnly)).containsExactly("0 BASELINE before the staging store", "1 SQL staging store",
                "2 SQL secrets manager");
        java.util.Set<String> expected = new java.util.TreeSet<>(StagingSchema.V1_TABLES.keySet());
        expected.add("stg_secret_region"); // V2
        assertThat(stagingTables(batchOnly).tables()).containsOnlyKeys(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void stagingTablesOfNoKnownReleaseAreRefusedAndLeftAsTheyWere(String database) throws SQLException {
        // given the previous release's store with one table gone and one that no release made
        DataSource partial = previousRelease(database);
        JdbcTemplate jdbc = new JdbcTemplate(partial);
        jdbc.execute("DROP TABLE stg_first_seen");
        jdbc.execute("CREATE TABLE stg_something_else (run_id VARCHAR(100) NOT NULL)");
        SampleRun.fill(new JdbcStagingRepository(partial), "run-kept", STARTED);
        Map<String, List<String>> rowsBefore = everyStagedRow(partial);

        // when / then: one line naming what differs, and nothing created or changed
        assertThatThrownBy(() -> StagingSchema.migrate(partial))
                .isInstanceOf(StagingSchemaException.class)
                .hasMessageContaining("missing stg_first_seen; unknown stg_something_else")
                .hasMessageContaining("not those of release c2f7075")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(stagingTables(partial).hasHistory()).isFalse();
        assertThat(everyStagedRow(partial)).isEqualTo(rowsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStoreOlderThanThePreviousReleaseIsRefusedNotBaselined(String database) {
        // given the previous release's tables without the column its ALTER added (a store it never opened)
        DataSource older = previousRelease(database);
        new JdbcTemplate(older).execute("ALTER TABLE stg_snapshot DROP COLUMN last_accessed");

        // when / then
        assertThatThrownBy(() -> StagingSchema.migrate(older))
                .isInstanceOf(StagingSchemaException.class)
                .hasMessageContaining("stg_snapshot has columns [run_id, account_id, payload], expected [run_id,"
                        + " account_id, payload, last_accessed]");
    }

    @Test
    void onPostgresqlTheStoreIsAdoptedInTheConnectionsSchemaNotInPublic() {
        // given a database whose connections work in schema "audit" (currentSchema, like a search_path), where the
        // previous release created its tables, and an unrelated table in public
        String url = PostgresPeer.freshDatabase();
        SingleConnectionDataSource server = open(url);
        new JdbcTemplate(server).execute("CREATE SCHEMA audit");
        new JdbcTemplate(server).execute("CREATE TABLE public.stg_not_ours (id INTEGER)");
        SingleConnectionDataSource inAudit = open(url + (url.contains("?") ? "&" : "?") + "currentSchema=audit");
        batchTables(inAudit, "postgresql");
        new ResourceDatabasePopulator(new ClassPathResource(PREVIOUS_RELEASE_SQL)).execute(inAudit);

        // when
        StagingSchema.migrate(inAudit);

        // then the tables of "audit" were adopted there, and public was neither read nor written
        assertThat(history(inAudit)).containsExactly("1 BASELINE staging store of release c2f7075",
                "2 SQL secrets manager");
        assertThat(new JdbcTemplate(server).queryForList("SELECT table_schema || '.' || table_name FROM"
                + " information_schema.tables WHERE table_name IN ('staging_schema_history', 'stg_not_ours',"
                + " 'stg_run') ORDER BY 1", String.class))
                .containsExactly("audit.staging_schema_history", "audit.stg_run", "public.stg_not_ours");
    }

    /** A database as the previous release left it: Batch's tables, then its staging SQL run at every start. */
    private DataSource previousRelease(String database) {
        DataSource dataSource = database(database);
        batchTables(dataSource, database);
        ResourceDatabasePopulator previous = new ResourceDatabasePopulator(new ClassPathResource(PREVIOUS_RELEASE_SQL));
        previous.execute(dataSource);
        previous.execute(dataSource); // it ran on every start: idempotent, the ALTER included
        return dataSource;
    }

    private static void batchTables(DataSource dataSource, String database) {
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-"
                + (database.equals("h2") ? "h2" : "postgresql") + ".sql")).execute(dataSource);
    }

    /** Rows of the tables SampleRun does not fill, so every V1 table holds something to lose. */
    private static void stageWhatTheSampleRunLeavesOut(JdbcTemplate jdbc, String runId) {
        jdbc.update("INSERT INTO stg_first_seen (run_id, account_id, finding_id, first_seen) VALUES (?, ?, ?, ?)",
                runId, SampleRun.MGMT, "finding-1", Timestamp.from(STARTED.minusSeconds(86_400 * 40)));
        jdbc.update("INSERT INTO stg_proposal_check (run_id, account_id, check_key, payload) VALUES (?, ?, ?, ?)",
                runId, SampleRun.MGMT, "check-1", "{\"result\":\"PASS\"}");
        jdbc.update("INSERT INTO stg_aws_recommendation (run_id, account_id, finding_id, payload) VALUES (?, ?, ?, ?)",
                runId, SampleRun.PROD, "finding-2", "{\"steps\":[]}");
        // a snapshot staged before the last_accessed column existed: everything in payload
        jdbc.update("INSERT INTO stg_snapshot (run_id, account_id, payload) VALUES (?, ?, ?)",
                runId + "-older", SampleRun.MGMT, "{}");
    }

    /** Every row of every staging table, as text, in key order. */
    private static Map<String, List<String>> everyStagedRow(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : stagingTables(dataSource).tables().keySet()) {
            rows.put(table, jdbc.query("SELECT * FROM " + table, (rs, n) -> {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    values.add(String.valueOf(rs.getObject(c)));
                }
                return String.join("|", values);
            }).stream().sorted().toList());
        }
        return rows;
    }

    /** The staging tables' columns (type, length, nullability), primary keys and indexes, as the database reports them. */
    private static List<String> schema(DataSource dataSource) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> schema = new ArrayList<>(jdbc.query("SELECT LOWER(table_name), LOWER(column_name),"
                        + " ordinal_position, LOWER(data_type), is_nullable, character_maximum_length"
                        + " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                        + " AND LOWER(table_name) LIKE 'stg\\_%' ORDER BY 1, 3",
                (rs, n) -> "column " + rs.getString(1) + "." + rs.getString(2) + " #" + rs.getInt(3) + " "
                        + rs.getString(4) + "(" + rs.getObject(6) + ") nullable=" + rs.getString(5)));
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String table : stagingTables(dataSource).tables().keySet()) {
                String stored = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet keys = metaData.getPrimaryKeys(null, connection.getSchema(), stored)) {
                    while (keys.next()) {
                        schema.add("key " + table + "." + keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                + " #" + keys.getShort("KEY_SEQ"));
                    }
                }
                try (ResultSet indexes = metaData.getIndexInfo(null, connection.getSchema(), stored, false, false)) {
                    while (indexes.next()) {
                        String name = indexes.getString("INDEX_NAME");
                        // primary key indexes are named by each database after a generated constraint name
                        if (name != null && name.toLowerCase(Locale.ROOT).startsWith("stg_")) {
                            schema.add("index " + name.toLowerCase(Locale.ROOT) + " " + table + "."
                                    + indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                    + " #" + indexes.getShort("ORDINAL_POSITION"));
                        }
                    }
                }
            }
        }
        schema.sort(null);
        return schema;
    }

    private static StagingTables stagingTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return StagingTables.read(connection, null, StagingSchema.HISTORY_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flyway's versions, oldest first: "version type description" (not its markers without a version). */
    private static List<String> history(DataSource dataSource) {
        return new JdbcTemplate(dataSource).query("SELECT \"version\", \"type\", \"description\" FROM \""
                        + StagingSchema.HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
    }

    /** A new, empty database; one connection for the whole test (opening one per statement is slow). */
    private DataSource database(String database) {
        boolean h2 = database.equals("h2");
        String url = h2 ? "jdbc:h2:mem:" + UUID.randomUUID() : PostgresPeer.freshDatabase();
        return h2 ? open(url, "sa", "") : open(url);
    }

    private SingleConnectionDataSource open(String url) {
        return open(url, null, null);
    }

    private SingleConnectionDataSource open(String url, String user, String password) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, user, password, true);
        opened.add(connection);
        return connection;
    }

    @AfterEach
    void close() {
        opened.forEach(SingleConnectionDataSource::destroy);
    }
}
