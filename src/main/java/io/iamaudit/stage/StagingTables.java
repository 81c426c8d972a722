package io.iamaudit.stage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The staging tables ({@code stg_*}) of one database schema and their columns, lower-cased, read from the JDBC
 * metadata (H2 reports upper case, PostgreSQL lower case), and whether the schema history table is there.
 *
 * @param tables     table name to its column names in ordinal order
 * @param hasHistory the staging schema history table exists: Flyway has migrated this schema before
 */
record StagingTables(Map<String, List<String>> tables, boolean hasHistory) {

    StagingTables {
        tables = Map.copyOf(tables);
    }

    /** Reads {@code schema} (the connection's current schema when null). */
    static StagingTables read(Connection connection, String schema, String historyTable) throws SQLException {
        String inSchema = schema != null ? schema : connection.getSchema();
        DatabaseMetaData metaData = connection.getMetaData();
        Map<String, List<String>> tables = new TreeMap<>();
        boolean hasHistory = false;
        try (ResultSet rows = metaData.getTables(connection.getCatalog(), inSchema, "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals(historyTable.toLowerCase(Locale.ROOT))) {
                    hasHistory = true;
                } else if (lower.startsWith("stg_")) {
                    tables.put(lower, List.of(name)); // the name as stored, replaced by the columns below
                }
            }
        }
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            table.setValue(columns(metaData, connection.getCatalog(), inSchema, table.getValue().get(0)));
        }
        return new StagingTables(tables, hasHistory);
    }

    private static List<String> columns(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        // '_' is a wildcard in metadata patterns: stg_run would also match stgXrun, so the name is checked again
        try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
            while (rows.next()) {
                if (rows.getString("TABLE_NAME").equals(table)) {
                    columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(columns);
    }
}
