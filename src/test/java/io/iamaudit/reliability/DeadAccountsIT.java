package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.report.CoverageSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.iamaudit.reliability.TestScenarios.MANAGEMENT;
import static io.iamaudit.reliability.TestScenarios.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts that cannot be audited (AssumeRole denied, every call a 5xx) fail alone: the run is published with their
 * reasons in the Coverage table and exit code 3, and a restart once they are healthy collects only them and
 * publishes a complete run.
 */
class DeadAccountsIT {

    private static final String DENIED = "100000000003";
    private static final String BROKEN = "100000000004";

    @TempDir
    Path home;

    @Test
    void deadAccountsFailAloneWithTheirReasonAndRestartCompletesTheRun() throws Exception {
        // given an organization of four accounts, one denying AssumeRole and one answering every call with a 5xx
        Path scenario = TestScenarios.write(home, "four-accounts.yaml", TestScenarios.fidelityWithAccounts(
                TestScenarios.memberAccount(DENIED, "denied") + TestScenarios.memberAccount(BROKEN, "broken")));
        Path profile = TestScenarios.write(home, "dead.yaml",
                "faults:\n  denyAssumeRole: [\"" + DENIED + "\"]\n  failingAccounts: [\"" + BROKEN + "\"]\n");
        JarProcess jar = new JarProcess(home);
        String out = "file:" + home.resolve("out");
        Map<String, String> fewRetries = Map.of("IAM_AUDIT_AWS_MAX_ATTEMPTS", "2");

        // when
        JarProcess.Result first = jar.run(fewRetries, Duration.ofMinutes(3), "org-audit", "--sandbox",
                scenario.toString(), "--sandbox-profile", profile.toString(), "--output", out);

        // then the run is published, exit 3, and the Coverage table says which accounts failed and why
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCode.ACCOUNTS_FAILED);
        assertThat(first.stdout()).contains("2 accounts audited, 0 skipped, 2 failed");
        PublishedOutput published = new PublishedOutput(home.resolve("out"));
        published.assertNothingPartial();
        Path firstRun = published.runFolders().get(0);
        Map<String, Map<String, String>> coverage = byAccount(published.csv(firstRun, "coverage"));
        assertThat(coverage.get(DENIED)).containsEntry("Status", "FAILED");
        assertThat(coverage.get(DENIED).get("Reason")).contains("AccessDenied");
        assertThat(coverage.get(BROKEN)).containsEntry("Status", "FAILED");
        assertThat(coverage.get(BROKEN).get("Reason")).contains("ServiceFailure").contains("HTTP 500");
        assertThat(coverage.get(MANAGEMENT)).containsEntry("Status", "AUDITED").containsEntry("Reason", "");
        assertThat(coverage.get(MEMBER)).containsEntry("Status", "AUDITED").containsEntry("Reason", "");
        assertThat(published.manifest(firstRun).coverage()).isEqualTo(new CoverageSummary(4, 2, 0, 2, 0));

        // when the faults are gone (no profile) and the run is restarted
        JarProcess.Result restart = jar.run(Map.of(), Duration.ofMinutes(3), "restart", "--sandbox",
                scenario.toString(), "--output", out);

        // then only the two failed accounts were collected, and a complete run is published next to the first
        assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(restart.all()).contains("[1/2] account").contains("[2/2] account").doesNotContain("[3/");
        assertThat(restart.stdout()).contains("4 accounts audited, 0 skipped, 0 failed");
        published.assertNothingPartial();
        List<Path> runs = published.runFolders();
        assertThat(runs).hasSize(2);
        Path secondRun = runs.stream().filter(r -> !r.equals(firstRun)).findFirst().orElseThrow();
        assertThat(published.coverageStatuses(secondRun)).containsOnlyKeys(MANAGEMENT, MEMBER, DENIED, BROKEN)
                .allSatisfy((account, status) -> assertThat(status).as(account).isEqualTo("AUDITED"));
        assertThat(published.latest().runId()).isEqualTo(secondRun.getFileName().toString());
        assertThat(published.manifest(secondRun).parameters())
                .containsEntry("continues", firstRun.getFileName().toString());
    }

    private static Map<String, Map<String, String>> byAccount(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> map = new java.util.TreeMap<>();
        rows.forEach(r -> map.put(r.get("Account id"), r));
        return map;
    }
}
