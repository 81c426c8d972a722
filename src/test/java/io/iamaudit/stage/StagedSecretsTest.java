package io.iamaudit.stage;

import io.iamaudit.stage.SecretsInventory.RegionSecrets;
import io.iamaudit.stage.SecretsInventory.RegionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.iamaudit.stage.SampleSnapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The secrets data set staged in stg_secret_region, region by region, and read back with the snapshot. */
class StagedSecretsTest {
    private JdbcStagingRepository repository;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        repository = new JdbcStagingRepository(dataSource);
        StagingSchema.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    private static Secret secret(String name) {
        return new Secret("eu-west-1", name, "arn:aws:secretsmanager:eu-west-1:111122223333:secret:" + name, true, 30L,
                "rate(30 days)", null, T0.minusSeconds(86400 * 100), T0.minusSeconds(86400 * 3), T0, T0, null, null,
                null, null, Map.of("team", "payments"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}", null);
    }

    @Test
    void regionsRoundTripWithTheirStatusQueryableAndTheSnapshotPayloadCarriesNoSecrets() {
        SecretsInventory inventory = new SecretsInventory(List.of(
                RegionSecrets.read("eu-west-1", List.of(secret("db"), secret("api"))),
                new RegionSecrets("us-west-2", RegionStatus.DENIED, "AccessDeniedException: no (HTTP 400)", List.of()),
                new RegionSecrets("me-south-1", RegionStatus.NOT_ENABLED, "DISABLED", List.of())));
        AccountSnapshot snapshot = SampleSnapshots.snapshot("111122223333").withSecrets(Collected.of(inventory));

        repository.saveSnapshot("run-1", snapshot);
        repository.saveSnapshot("run-1", snapshot); // a rerun of the partition replaces, never duplicates

        assertThat(repository.snapshot("run-1", "111122223333").orElseThrow().secrets().value().regions())
                .containsExactlyInAnyOrderElementsOf(inventory.regions());
        assertThat(repository.reportSnapshots("run-1").toList()).singleElement()
                .satisfies(r -> assertThat(r.secrets().value().secrets()).hasSize(2));
        assertThat(jdbc.queryForList("SELECT region || ':' || status FROM stg_secret_region WHERE run_id = 'run-1'"
                + " ORDER BY region", String.class))
                .containsExactly(":COLLECTED", "eu-west-1:READ", "me-south-1:NOT_ENABLED", "us-west-2:DENIED");
        assertThat(jdbc.queryForObject("SELECT payload FROM stg_snapshot WHERE run_id = 'run-1'", String.class))
                .doesNotContain("arn:aws:secretsmanager");
    }

    /**
     * Each {@code with} method replaces its own data set and keeps every other: one that rebuilt the snapshot through
     * a shorter constructor dropped the secrets when the organization's findings were filled in.
     */
    @Test
    void everyWithMethodKeepsTheOtherDataSets() throws Exception {
        AccountSnapshot full = SampleSnapshots.snapshot("111122223333")
                .withSecrets(Collected.of(new SecretsInventory(List.of(RegionSecrets.read("eu-west-1",
                        List.of(secret("db")))))))
                .withOrganizationFeatures(Collected.failed("not read here"));
        int checked = 0;
        for (java.lang.reflect.Method with : AccountSnapshot.class.getMethods()) {
            if (!with.getName().startsWith("with") || with.getParameterCount() != 1
                    || with.getParameterTypes()[0] != Collected.class) {
                continue;
            }
            AccountSnapshot changed = (AccountSnapshot) with.invoke(full, Collected.failed("replaced"));
            for (java.lang.reflect.RecordComponent c : AccountSnapshot.class.getRecordComponents()) {
                Object value = c.getAccessor().invoke(changed);
                if (with.getName().equalsIgnoreCase("with" + c.getName())) {
                    assertThat(value).as(with.getName()).isEqualTo(Collected.failed("replaced"));
                } else {
                    assertThat(value).as(with.getName() + " keeps " + c.getName())
                            .isEqualTo(c.getAccessor().invoke(full));
                }
            }
            checked++;
        }
        assertThat(checked).as("with methods").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFailedDataSetStaysFailedAndASnapshotWithoutItStaysWithout() {
        repository.saveSnapshot("run-1", SampleSnapshots.snapshot("111122223333")
                .withSecrets(Collected.failed("AccessDeniedException: account:ListRegions (HTTP 403)")));
        repository.saveSnapshot("run-1", SampleSnapshots.snapshot("444455556666"));

        assertThat(repository.snapshot("run-1", "111122223333").orElseThrow().secrets())
                .satisfies(c -> assertThat(c.error()).contains("ListRegions"));
        assertThat(repository.snapshot("run-1", "444455556666").orElseThrow().secrets()).isNull();
    }
}
