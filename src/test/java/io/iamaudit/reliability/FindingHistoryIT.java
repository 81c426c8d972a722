package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.history.FindingLedger;
import io.iamaudit.history.LedgerCsv;
import io.iamaudit.publish.LatestPointer;
import io.iamaudit.publish.PublishJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.iamaudit.reliability.TestScenarios.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-seen date of a finding survives everything that used to reset it, through the real jar into one output
 * folder: a night with a failed account, an engineer's account-audit, an account-audit of a suspended account, a
 * missing ledger (rebuilt from the published runs), and an account name ending in a backslash. An unreadable ledger
 * or latest.json stops the run with one line and publishes nothing.
 */
class FindingHistoryIT {

    /** An account whose name ends in a backslash (legal in AWS Organizations) and holds a quote and a comma. */
    static final String BACKSLASH = "100000000003";
    static final String BACKSLASH_NAME = "Acme \"Ops\", EU\\";
    static final String SUSPENDED = "100000000004";

    @TempDir
    Path home;

    @Test
    void everyUnchangedFindingKeepsTheFirstSeenDateOfTheRunThatFirstReportedIt() throws Exception {
        Path scenario = scenario(home);
        Path denyBackslash = TestScenarios.write(home, "deny.yaml",
                "faults:\n  denyAssumeRole: [\"" + BACKSLASH + "\"]\n");
        JarProcess jar = new JarProcess(home);
        String out = "file:" + home.resolve("out");
        PublishedOutput published = new PublishedOutput(home.resolve("out"));

        // night 1: everything audited
        expectExit(jar.run("org-audit", "--sandbox", scenario.toString(), "--output", out), ExitCode.COMPLETE);
        Map<String, String> night1 = firstSeen(published, published.latest().runId());
        assertThat(night1.keySet()).as("findings of the backslash account and of the member account")
                .anyMatch(id -> accountOf(published, id).equals(BACKSLASH))
                .anyMatch(id -> accountOf(published, id).equals(MEMBER));
        assertThat(published.csv(published.run(published.latest().runId()), "coverage"))
                .anySatisfy(row -> assertThat(row.get("Account name")).isEqualTo(BACKSLASH_NAME));

        // night 2: the backslash account fails (exit 3); its history must stay untouched, not resolved
        expectExit(jar.run(Map.of(), Duration.ofMinutes(4), "org-audit", "--sandbox", scenario.toString(),
                "--sandbox-profile", denyBackslash.toString(), "--output", out), ExitCode.ACCOUNTS_FAILED);
        String night2 = published.latest().runId();
        assertThat(ledger(home).entries()).filteredOn(e -> e.accountId().equals(BACKSLASH))
                .isNotEmpty().allSatisfy(e -> assertThat(e.resolved()).as(e.findingId()).isNull());

        // an engineer's account-audit moves only its own pointer
        expectExit(jar.run("account-audit", "--account-id", MEMBER, "--sandbox", scenario.toString(),
                "--output", out), ExitCode.COMPLETE);
        assertThat(published.latest().runId()).isEqualTo(night2);
        LatestPointer accountPointer = PublishJson.read(Files.readAllBytes(
                home.resolve("out/latest-account-" + MEMBER + ".json")), LatestPointer.class);
        assertThat(accountPointer.runId()).isNotEqualTo(night2);
        assertThat(firstSeen(published, accountPointer.runId())).isNotEmpty()
                .allSatisfy((id, date) -> assertThat(date).as(id).isEqualTo(night1.get(id)));

        // an account-audit of a suspended account: exit 2, one line, nothing published
        int runsBefore = published.runFolders().size();
        JarProcess.Result suspended = jar.run("account-audit", "--account-id", SUSPENDED, "--sandbox",
                scenario.toString(), "--output", out);
        expectExit(suspended, ExitCode.USAGE);
        assertThat(suspended.all()).contains("nothing to audit").contains(SUSPENDED + " (account SUSPENDED)");
        assertThat(published.runFolders()).hasSize(runsBefore);
        assertThat(published.latest().runId()).isEqualTo(night2);
        // and filters matching no ACTIVE account: the same
        JarProcess.Result noMatch = jar.run("org-audit", "--include-tag", "env=nowhere", "--sandbox",
                scenario.toString(), "--output", out);
        expectExit(noMatch, ExitCode.USAGE);
        assertThat(noMatch.all()).contains("nothing to audit: no ACTIVE account");
        assertThat(published.runFolders()).hasSize(runsBefore);

        // night 3: every finding reported on night 1 keeps night 1's date, in every account
        expectExit(jar.run("org-audit", "--sandbox", scenario.toString(), "--output", out), ExitCode.COMPLETE);
        assertKeeps(night1, firstSeen(published, published.latest().runId()));

        // night 4: the ledger was lost; it is rebuilt from the published runs, and the dates survive
        Files.delete(home.resolve("out/history/findings.csv.gz"));
        JarProcess.Result rebuilt = jar.run("org-audit", "--sandbox", scenario.toString(), "--output", out);
        expectExit(rebuilt, ExitCode.COMPLETE);
        assertThat(rebuilt.all()).contains("is missing: rebuilt from the manifests and findings of");
        assertKeeps(night1, firstSeen(published, published.latest().runId()));

        // an unreadable ledger stops the run before publishing; the ledger is left as it was
        Path ledgerFile = home.resolve("out/history/findings.csv.gz");
        byte[] good = Files.readAllBytes(ledgerFile);
        Files.write(ledgerFile, java.util.Arrays.copyOf(good, good.length / 2));
        String latestBefore = published.latest().runId();
        runsBefore = published.runFolders().size();
        JarProcess.Result unreadable = jar.run("org-audit", "--sandbox", scenario.toString(), "--output", out);
        expectExit(unreadable, ExitCode.FAILURE);
        assertThat(unreadable.stdout().lines().filter(FindingHistoryIT::isLedgerFailure))
                .singleElement().asString().contains(ledgerFile.toString());
        assertThat(published.runFolders()).hasSize(runsBefore);
        assertThat(published.latest().runId()).isEqualTo(latestBefore);
        assertThat(Files.readAllBytes(ledgerFile)).hasSize(good.length / 2);

        // a truncated latest.json stops the run too, instead of meaning "no previous run"
        Files.write(ledgerFile, good);
        Path latest = home.resolve("out/latest.json");
        byte[] pointer = Files.readAllBytes(latest);
        Files.write(latest, java.util.Arrays.copyOf(pointer, pointer.length / 2));
        JarProcess.Result badLatest = jar.run("org-audit", "--sandbox", scenario.toString(), "--output", out);
        expectExit(badLatest, ExitCode.FAILURE);
        assertThat(badLatest.stdout().lines().filter(l -> l.startsWith("run ") && l.contains(" FAILED: ")))
                .singleElement().asString().contains("cannot read " + latest);
        assertThat(published.runFolders()).hasSize(runsBefore);
        assertThat(Files.readAllBytes(ledgerFile)).isEqualTo(good);
    }

    /** The fidelity organization plus the backslash account and a suspended one. */
    static Path scenario(Path dir) {
        String backslash = TestScenarios.memberAccount(BACKSLASH, "'" + BACKSLASH_NAME + "'");
        String suspended = TestScenarios.memberAccount(SUSPENDED, "retired").replace("    ou: Workloads\n",
                "    ou: Workloads\n    state: SUSPENDED\n");
        return TestScenarios.write(dir, "history.yaml", TestScenarios.fidelityWithAccounts(backslash + suspended));
    }

    static void assertKeeps(Map<String, String> first, Map<String, String> later) {
        List<String> unchanged = first.keySet().stream().filter(later::containsKey).toList();
        assertThat(unchanged).as("findings reported both times").hasSizeGreaterThan(first.size() / 2);
        for (String id : unchanged) {
            assertThat(later.get(id)).as("first seen of " + id).isEqualTo(first.get(id));
        }
    }

    /** The run's one summary line for a ledger it cannot read (Spring Batch's own stack trace is logged apart). */
    static boolean isLedgerFailure(String line) {
        return line.startsWith("run ") && line.contains(" FAILED: cannot read the findings ledger");
    }

    static void expectExit(JarProcess.Result result, int code) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(code);
    }

    private static Map<String, String> firstSeen(PublishedOutput published, String runId) {
        Map<String, String> dates = new TreeMap<>();
        for (Map<String, String> row : published.csv(published.run(runId), "findings")) {
            dates.put(row.get("Finding id"), row.get("First seen (UTC)"));
        }
        return dates;
    }

    private static String accountOf(PublishedOutput published, String findingId) {
        return published.csv(published.run(published.latest().runId()), "findings").stream()
                .filter(r -> r.get("Finding id").equals(findingId)).map(r -> r.get("Account id"))
                .findFirst().orElseThrow();
    }

    private static FindingLedger ledger(Path home) throws Exception {
        return LedgerCsv.read(Files.readAllBytes(home.resolve("out/history/findings.csv.gz")));
    }
}
