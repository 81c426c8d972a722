package io.iamaudit.stage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Flyway owns the staging schema: the migrations in {@value #LOCATION} (one file per version, never edited once
 * released; {@code db/staging/README.md} says how to add one), recorded in {@value #HISTORY_TABLE}. In the
 * application Spring Boot runs it at start-up ({@code StagingConfiguration} hands it {@link #configure} and
 * {@link #migrate(Flyway)}); tests and tools call {@link #migrate(DataSource)}.
 *
 * <p>The history table has a name of its own because the staging tables may share a schema with Spring Batch's
 * {@code BATCH_*} tables (a PostgreSQL job repository), where Flyway's default name would be anyone's; it does not
 * start with {@code stg_}, so it is not taken for a staging table.
 *
 * <p>A database made before Flyway (release {@value #PREVIOUS_RELEASE}: staging tables, no history) is adopted:
 * baselined at V1 when its tables and columns are exactly V1's, then migrated. Staging tables that are not V1's
 * (partial, unknown or hand-altered) stop the start with a {@link StagingSchemaException}: never a silent baseline
 * over a schema the migrations do not describe. A schema without staging tables (new, or holding only the job
 * repository's tables) is migrated from V1.
 */
public final class StagingSchema {
    public static final String LOCATION = "classpath:db/staging";
    public static final String HISTORY_TABLE = "staging_schema_history";
    /** The last release whose staging schema was hand-written (schema-staging.sql); V1 is its schema. */
    static final String PREVIOUS_RELEASE = "c2f7075";

    /** Below V1: Flyway records a baseline only in a non-empty schema, and V1 onwards then run. */
    private static final String BEFORE_V1 = "0";

    /** V1's tables and columns in ordinal order: what release {@value #PREVIOUS_RELEASE} left in every database. */
    static final Map<String, List<String>> V1_TABLES = Map.ofEntries(
            Map.entry("stg_run", List.of("run_id", "status", "started_at", "payload")),
            Map.entry("stg_account", List.of("run_id", "account_id", "list_order", "payload")),
            Map.entry("stg_coverage", List.of("run_id", "account_id", "status", "payload")),
            Map.entry("stg_snapshot", List.of("run_id", "account_id", "payload", "last_accessed")),
            Map.entry("stg_finding",
                    List.of("run_id", "account_id", "finding_id", "rule_id", "severity", "status", "payload")),
            Map.entry("stg_outcome", List.of("run_id", "account_id", "rule_id", "outcome", "payload")),
            Map.entry("stg_recommendation", List.of("run_id", "account_id", "recommendation_id", "payload")),
            Map.entry("stg_first_seen", List.of("run_id", "account_id", "finding_id", "first_seen")),
            Map.entry("stg_proposal_check", List.of("run_id", "account_id", "check_key", "payload")),
            Map.entry("stg_aws_recommendation", List.of("run_id", "account_id", "finding_id", "payload")));

    private StagingSchema() {
    }

    /** Where the migrations are and where Flyway records them; Boot's own {@code spring.flyway.*} keys do the rest. */
    public static FluentConfiguration configure(FluentConfiguration configuration) {
        return configuration.locations(LOCATION).table(HISTORY_TABLE);
    }

    /** Migrates the staging schema of {@code dataSource} outside Spring (tests, tools). */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(configure(Flyway.configure().dataSource(dataSource)).load());
    }

    /**
     * Migrates with {@code flyway}'s configuration, first deciding where a database without history starts.
     *
     * @throws StagingSchemaException the database holds staging tables that are not V1's and no history
     */
    public static MigrateResult migrate(Flyway flyway) {
        Configuration configuration = flyway.getConfiguration();
        StagingTables existing = inspect(configuration);
        if (existing.hasHistory()) {
            return flyway.migrate();
        }
        String baseline = baselineFor(existing);
        return Flyway.configure(configuration.getClassLoader()).configuration(configuration)
                .baselineOnMigrate(true)
                .baselineVersion(baseline)
                .baselineDescription(baseline.equals(BEFORE_V1) ? "before the staging store"
                        : "staging store of release " + PREVIOUS_RELEASE)
                .load().migrate();
    }

    /** {@code 1} for V1's tables exactly, {@code 0} (before V1) for none; anything else is refused. */
    static String baselineFor(StagingTables existing) {
        if (existing.tables().isEmpty()) {
            return BEFORE_V1;
        }
        List<String> differences = differencesFromV1(existing.tables());
        if (differences.isEmpty()) {
            return "1";
        }
        throw new StagingSchemaException("the staging tables (stg_*) in this database are not those of release "
                + PREVIOUS_RELEASE + " and it has no " + HISTORY_TABLE + " (" + String.join("; ", differences)
                + "): iam-audit will not guess how to migrate them; point spring.datasource.url at another"
                + " database, or drop the stg_* tables (staging only serves restart: published reports are kept)");
    }

    private static List<String> differencesFromV1(Map<String, List<String>> tables) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(V1_TABLES.keySet());
        missing.removeAll(tables.keySet());
        if (!missing.isEmpty()) {
            differences.add("missing " + String.join(", ", missing));
        }
        TreeSet<String> unknown = new TreeSet<>(tables.keySet());
        unknown.removeAll(V1_TABLES.keySet());
        if (!unknown.isEmpty()) {
            differences.add("unknown " + String.join(", ", unknown));
        }
        new TreeSet<>(tables.keySet()).stream().filter(V1_TABLES::containsKey)
                .filter(table -> !tables.get(table).equals(V1_TABLES.get(table)))
                .forEach(table -> differences.add(table + " has columns " + tables.get(table)
                        + ", expected " + V1_TABLES.get(table)));
        return differences;
    }

    /** Flyway's own choice: the default schema, else the first configured one, else the connection's (null). */
    private static String schema(Configuration configuration) {
        if (configuration.getDefaultSchema() != null) {
            return configuration.getDefaultSchema();
        }
        return configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
    }

    private static StagingTables inspect(Configuration configuration) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            return StagingTables.read(connection, schema(configuration), configuration.getTable());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staging database's tables: " + e.getMessage(), e);
        }
    }
}
