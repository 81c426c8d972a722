package io.iamaudit.stage;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a database without Flyway history starts: before V1, at V1 (adopted), or nowhere (refused). */
class StagingSchemaTest {

    @Test
    void noStagingTableStartsBeforeV1AndThePreviousReleasesTablesAreV1() {
        assertThat(StagingSchema.baselineFor(new StagingTables(Map.of(), false))).isEqualTo("0");
        assertThat(StagingSchema.baselineFor(new StagingTables(StagingSchema.V1_TABLES, false))).isEqualTo("1");
    }

    @Test
    void aColumnOutOfPlaceIsNotThePreviousRelease() {
        // same columns as V1 but in another order: a hand-made table, not one the previous release created
        Map<String, List<String>> reordered = new HashMap<>(StagingSchema.V1_TABLES);
        reordered.put("stg_snapshot", List.of("run_id", "account_id", "last_accessed", "payload"));

        assertThatThrownBy(() -> StagingSchema.baselineFor(new StagingTables(reordered, false)))
                .isInstanceOf(StagingSchemaException.class)
                .hasMessageContaining("stg_snapshot has columns [run_id, account_id, last_accessed, payload]");
    }

    @Test
    void theRefusalIsOneLineSayingWhatDiffersAndWhatToDo() {
        Map<String, List<String>> partial = new HashMap<>(StagingSchema.V1_TABLES);
        partial.remove("stg_run");
        partial.remove("stg_outcome");
        partial.put("stg_secret", List.of("run_id"));

        assertThatThrownBy(() -> StagingSchema.baselineFor(new StagingTables(partial, false)))
                .isInstanceOf(StagingSchemaException.class)
                .hasMessageContaining("(missing stg_outcome, stg_run; unknown stg_secret)")
                .hasMessageContaining("no staging_schema_history")
                .hasMessageContaining("point spring.datasource.url at another database")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
