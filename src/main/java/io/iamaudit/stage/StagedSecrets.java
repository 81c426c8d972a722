package io.iamaudit.stage;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The Secrets Manager data set in {@code stg_secret_region}: a row of region {@code ''} for the data set as a whole
 * (COLLECTED, or NOT_COLLECTED with the reason), then one row per region with its status and secrets. No rows at all
 * means the snapshot was staged without the data set.
 */
final class StagedSecrets {
    private static final String WHOLE = "";

    private final JdbcTemplate jdbc;

    StagedSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the account's rows; the caller holds the transaction. */
    void save(String runId, String accountId, Collected<SecretsInventory> secrets) {
        if (secrets == null) {
            // a snapshot built without the data set (collection always sets it): nothing of it to replace
            return;
        }
        jdbc.update("DELETE FROM stg_secret_region WHERE run_id = ? AND account_id = ?", runId, accountId);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{runId, accountId, WHOLE, secrets.missing() ? "NOT_COLLECTED" : "COLLECTED",
                StageJson.write(new Whole(secrets.error()))});
        secrets.get().ifPresent(inventory -> inventory.regions().forEach(r -> rows.add(new Object[]{runId,
                accountId, r.region(), r.status().name(), StageJson.write(r)})));
        jdbc.batchUpdate("INSERT INTO stg_secret_region (run_id, account_id, region, status, payload)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** The staged data set, or {@code null} when the snapshot was staged without it. */
    Collected<SecretsInventory> load(String runId, String accountId) {
        List<String[]> rows = jdbc.query("SELECT region, payload FROM stg_secret_region WHERE run_id = ?"
                        + " AND account_id = ? ORDER BY region", (rs, i) -> new String[]{rs.getString(1), rs.getString(2)},
                runId, accountId);
        if (rows.isEmpty()) {
            return null;
        }
        List<SecretsInventory.RegionSecrets> regions = new ArrayList<>();
        String error = null;
        for (String[] row : rows) {
            if (WHOLE.equals(row[0])) {
                error = StageJson.read(row[1], Whole.class).error();
            } else {
                regions.add(StageJson.read(row[1], SecretsInventory.RegionSecrets.class));
            }
        }
        return error != null ? Collected.failed(error) : Collected.of(new SecretsInventory(regions));
    }

    record Whole(String error) {
    }
}
