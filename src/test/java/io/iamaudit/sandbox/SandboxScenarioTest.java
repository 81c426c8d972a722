package io.iamaudit.sandbox;

import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxScenarioTest {

    @TempDir
    Path dir;

    @Test
    void demoIsARealisticOrganizationWithOneCleanAndOneSuspendedAccount() {
        Scenario demo = Scenarios.demo();

        assertThat(demo.accounts()).hasSizeBetween(6, 8);
        assertThat(demo.accounts()).filteredOn(a -> a.state().equals("SUSPENDED")).hasSize(1);
        AccountSpec clean = demo.account("888888888888");
        assertThat(clean.users()).isEmpty();
        // centralized root access: the clean member's root keeps no password, key or MFA device
        assertThat(clean.root().mfa()).isEqualTo("none");
        assertThat(clean.root().accessKeys()).isEmpty();
        assertThat(clean.passwordPolicy().minimumLength()).isGreaterThanOrEqualTo(14);
        assertThat(clean.samlProviders()).isNotEmpty();
        assertThat(clean.roles()).allSatisfy(r -> assertThat(r.lastUsedDaysAgo()).isNotNull().isLessThan(45));
        assertThat(demo.organization().delegatedAdministrators()).containsKey("access-analyzer.amazonaws.com");
    }

    @Test
    void everyPlantedIssueInTheDemoIsListedInTheDocs() throws IOException {
        String yaml = Files.readString(Path.of("jobs/scenarios/demo.yaml"));
        String doc = Files.readString(Path.of("docs/scenario.md"));
        long planted = yaml.lines().filter(l -> l.matches("\\s+.*#.*\\bSEC0[23]\\b.*")).count();
        long listed = doc.lines().filter(l -> l.startsWith("| ") && l.matches(".*\\bSEC0[23]-?.*")).count();

        assertThat(planted).isGreaterThan(30);
        assertThat(listed).isGreaterThanOrEqualTo(planted);
    }

    @Test
    void fidelityScenarioHasTwoAccounts() {
        assertThat(Scenarios.fidelity().accounts()).hasSize(2);
    }

    @Test
    void unknownFieldIsOneLineNamingFileAndField() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012"}
                accounts:
                  - id: "123456789012"
                    name: one
                    usres: []
                """);

        assertThatThrownBy(() -> Scenarios.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("usres")
                .hasMessageContaining("accounts[0]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void secretsMustLiveInEnabledRegionsOncePerName() throws IOException {
        Path file = dir.resolve("secrets.yaml");
        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012"}
                accounts:
                  - {id: "123456789012", name: one, disabledRegions: [eu-west-1], secrets: [{name: db, region: eu-west-1}]}
                """);
        assertThatThrownBy(() -> Scenarios.load(file)).hasMessageContaining("region eu-west-1 is both enabled");

        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012"}
                accounts:
                  - {id: "123456789012", name: one, secrets: [{name: db}, {name: db}]}
                """);
        assertThatThrownBy(() -> Scenarios.load(file)).hasMessageContaining("duplicate secret db in us-east-1");

        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012"}
                accounts:
                  - {id: "123456789012", name: one, secrets: [{name: db, region: eu-west-1}]}
                """);
        assertThat(Scenarios.load(file).accounts().get(0).regions()).containsExactly("us-east-1", "eu-west-1");
    }

    @Test
    void anUnknownRootAccessFeatureIsReportedAndAnEmptyListKept() throws IOException {
        Path file = dir.resolve("features.yaml");
        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012", centralizedRootAccess: [RootPasswords]}
                accounts:
                  - {id: "123456789012", name: one}
                """);
        assertThatThrownBy(() -> Scenarios.load(file)).hasMessageContaining("centralizedRootAccess: RootPasswords");

        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012", centralizedRootAccess: []}
                accounts:
                  - {id: "123456789012", name: one}
                """);
        // [] (trusted access, no feature) is not absent (no trusted access), also when written back
        assertThat(Scenarios.load(file).organization().centralizedRootAccess()).isEmpty();
        assertThat(Scenarios.toYaml(Scenarios.load(file))).contains("centralizedRootAccess: []");
    }

    @Test
    void unresolvedReferencesAreReported() throws IOException {
        Path file = dir.resolve("ref.yaml");
        Files.writeString(file, """
                organization: {id: o-abcdefghij, managementAccount: "123456789012"}
                accounts:
                  - id: "123456789012"
                    name: one
                    users: [{name: u, groups: [Ghosts]}]
                """);

        assertThatThrownBy(() -> Scenarios.load(file)).hasMessageContaining("unknown group Ghosts")
                .hasMessageContaining("ref.yaml");
    }

    @Test
    void missingFileAndBrokenYamlAreClearErrors() throws IOException {
        assertThatThrownBy(() -> Scenarios.load(dir.resolve("absent.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.yaml")
                .hasMessageContaining("cannot read");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "organization: [unclosed\n");
        assertThatThrownBy(() -> Scenarios.load(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml");
    }

    @Test
    void scenarioSurvivesAYamlRoundTrip() throws IOException {
        Path file = dir.resolve("demo-copy.yaml");
        Files.writeString(file, Scenarios.toYaml(Scenarios.demo()));

        Scenario copy = Scenarios.load(file);

        assertThat(copy).isEqualTo(Scenarios.demo());
    }
}
