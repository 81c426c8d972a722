package io.iamaudit.sandbox;

import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ScenarioGenerator;
import io.iamaudit.sandbox.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxScenarioGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameScenarioOfTheRequestedSize() {
        Scenario a = new ScenarioGenerator(11).generate(25, 9, 4);
        Scenario b = new ScenarioGenerator(11).generate(25, 9, 4);

        assertThat(a).isEqualTo(b);
        assertThat(new ScenarioGenerator(12).generate(25, 9, 4)).isNotEqualTo(a);
        assertThat(a.accounts()).hasSize(25);
        for (AccountSpec acct : a.accounts()) {
            assertThat(acct.users().size() + acct.roles().size()).isEqualTo(9);
            assertThat(acct.policies()).hasSize(4);
        }
        assertThat(a.accounts().stream().flatMap(x -> x.users().stream()).flatMap(u -> u.accessKeys().stream()))
                .extracting(k -> k.createdDaysAgo()).anySatisfy(d -> assertThat(d).isGreaterThan(90));
        assertThat(a.accounts().stream().flatMap(x -> x.roles().stream())).anySatisfy(r ->
                assertThat(r.lastAccessed()).isNotEmpty());
        ScenarioValidator.validate(a);
    }

    @Test
    void generatedScenarioIsServedAndSurvivesYaml() throws IOException {
        Scenario s = new ScenarioGenerator(5).generate(23, 4, 2);
        Path file = dir.resolve("generated.yaml");
        Files.writeString(file, Scenarios.toYaml(s));
        assertThat(Scenarios.load(file)).isEqualTo(s);

        try (SandboxServer server = SandboxServer.start(s);
             SandboxClients c = SandboxClients.management(server)) {
            long accounts = c.organizations().listAccountsPaginator(r -> r.maxResults(20)).stream()
                    .mapToLong(p -> p.accounts().size()).sum();
            assertThat(accounts).isEqualTo(23);
            GetAccountAuthorizationDetailsResponse details = c.iam().getAccountAuthorizationDetails();
            assertThat(details.userDetailList().size() + details.roleDetailList().size()).isEqualTo(4);
            assertThat(details.policies()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aBenchmarkSizedScenarioBeyondSnakeYamlsDefaultLimitLoads() throws IOException {
        // 60 accounts x 100 principals is about 4 MB of YAML: SnakeYAML's default refuses anything over 3 MB
        Scenario s = new ScenarioGenerator(42).generate(60, 100, 10);
        Path file = dir.resolve("large.yaml");
        Files.writeString(file, Scenarios.toYaml(s));
        assertThat(Files.size(file)).isGreaterThan(3L * 1024 * 1024);

        assertThat(Scenarios.load(file).accounts()).hasSize(60);
    }
}
