package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.testsupport.JobDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the real process, once while it collects and once while it writes the reports: each time
 * {@code restart} on the same IAM_AUDIT_HOME finishes the run, the published reports equal those of an uninterrupted
 * run, no staged row is duplicated, and nothing partial is ever visible in the output folder. On the default H2 file
 * and on PostgreSQL (the job repository and staging store of a container deployment).
 */
class KilledProcessIT {

    private static final String ROLES_ACCOUNT = "100000000003";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {JobDatabase.H2, JobDatabase.POSTGRESQL})
    void restartAfterKillMinus9InCollectionAndInReportWritingPublishesWhatAnUninterruptedRunPublishes(String kind)
            throws Exception {
        JobDatabase database = JobDatabase.create(kind);
        Map<String, String> env = database.environment();
        // given three accounts, one with 300 roles (so writing its reports takes a moment), and a profile slow enough
        // that collecting an account takes a few seconds
        Path scenario = TestScenarios.write(dir, "three-accounts.yaml", TestScenarios.fidelityWithAccounts(
                TestScenarios.accountWithRoles(ROLES_ACCOUNT, "many-roles", 300)));
        Path slow = TestScenarios.write(dir, "slow.yaml", """
                latency:
                  default: {minMillis: 20, maxMillis: 40}
                credentialReportDelayMillis: 2500
                lastAccessedDelayMillis: 500
                """);
        Path home = Files.createDirectories(dir.resolve("killed"));
        JarProcess jar = new JarProcess(home);
        PublishedOutput out = new PublishedOutput(home.resolve("out"));
        String[] audit = {"org-audit", "--sandbox", scenario.toString(), "--output", "file:" + out.root(),
                "--concurrency", "1"};

        // when killed while collecting: one account done, the next one in flight
        Process collecting = jar.start(env, concat(audit, "--sandbox-profile", slow.toString()));
        await(collecting, () -> jar.stdoutSoFar().contains("[1/3] account"), "the first account to be collected");
        kill(collecting);

        // then nothing was published, and restart collects exactly the accounts not durably staged as audited (H2
        // may lose the last commit of a killed process: then that account is simply collected again)
        assertThat(jar.stdoutSoFar()).doesNotContain("[2/3]");
        assertThat(out.runFolders()).isEmpty();
        assertThat(out.root().resolve("latest.json")).doesNotExist();
        int pending;
        try (Connection db = database.connect(home)) {
            pending = query(db, "SELECT account_id FROM stg_coverage WHERE status = 'PENDING'").size();
        }
        assertThat(pending).isBetween(2, 3);
        JarProcess.Result firstRestart = jar.run(env, RUN_TIMEOUT, "restart", "--sandbox", scenario.toString(),
                "--output", "file:" + out.root());
        assertThat(firstRestart.exitCode()).as(firstRestart.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(firstRestart.all()).contains("resuming").contains("[" + pending + "/" + pending + "] account")
                .doesNotContain("[" + (pending + 1) + "/");
        out.assertNothingPartial();
        assertThat(out.runFolders()).hasSize(1);
        String firstRun = out.latest().runId();

        // when a second run is killed while it writes its reports (its report folder exists, "reports written" not yet logged)
        Path work = home.resolve(".iam-audit/work");
        Set<Path> before = Set.copyOf(list(work));
        Process reporting = jar.start(env, audit);
        await(reporting, () -> list(work).stream().anyMatch(p -> !before.contains(p)), "the report folder");
        kill(reporting);

        // then the kill landed after collection and before the reports were written; the last run is still latest
        assertThat(jar.stdoutSoFar()).contains("[3/3] account").doesNotContain("reports written")
                .doesNotContain("published to");
        out.assertNothingPartial();
        assertThat(out.runFolders()).hasSize(1);
        assertThat(out.latest().runId()).isEqualTo(firstRun);
        // the accounts not durably staged as audited (H2 may lose the last commit of a killed process) are the only
        // ones collected again
        List<String> notAudited;
        try (Connection db = database.connect(home)) {
            notAudited = query(db, "SELECT account_id FROM stg_coverage WHERE status = 'PENDING' AND run_id = "
                    + "(SELECT run_id FROM stg_run ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY)");
        }
        JarProcess.Result secondRestart = jar.run(env, RUN_TIMEOUT, "restart", "--sandbox", scenario.toString(),
                "--output", "file:" + out.root());
        assertThat(secondRestart.exitCode()).as(secondRestart.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(secondRestart.all()).contains("resuming");
        if (notAudited.isEmpty()) {
            assertThat(secondRestart.all()).doesNotContain("] account ");
        } else {
            assertThat(secondRestart.all()).contains("[" + notAudited.size() + "/" + notAudited.size() + "] account")
                    .doesNotContain("[" + (notAudited.size() + 1) + "/");
        }
        out.assertNothingPartial();
        assertThat(out.runFolders()).hasSize(2);
        assertThat(out.latest().runId()).isNotEqualTo(firstRun);

        // and both runs published exactly what an uninterrupted run of the same organization publishes
        Path cleanHome = Files.createDirectories(dir.resolve("uninterrupted"));
        PublishedOutput clean = new PublishedOutput(cleanHome.resolve("out"));
        JarProcess.Result uninterrupted = new JarProcess(cleanHome).run(JobDatabase.create(kind).environment(),
                RUN_TIMEOUT, "org-audit",
                "--sandbox", scenario.toString(), "--output", "file:" + clean.root());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.all()).isEqualTo(ExitCode.COMPLETE);
        Path reference = clean.runFolders().get(0);
        assertThat(clean.findings(reference)).hasSizeGreaterThan(100);
        for (Path run : out.runFolders()) {
            assertThat(out.findings(run)).as("findings of " + run).isEqualTo(clean.findings(reference));
            assertThat(out.coverageStatuses(run)).as("coverage of " + run).isEqualTo(clean.coverageStatuses(reference))
                    .hasSize(3).containsValue("AUDITED").doesNotContainValue("FAILED");
        }

        // and the staging database holds each account once per run, and exactly the published findings
        try (Connection db = database.connect(home)) {
            for (String table : List.of("stg_snapshot", "stg_coverage", "stg_account")) {
                assertThat(query(db, "SELECT run_id, account_id, COUNT(*) FROM " + table
                        + " GROUP BY run_id, account_id HAVING COUNT(*) > 1")).as(table).isEmpty();
            }
            assertThat(query(db, "SELECT run_id, account_id, finding_id, COUNT(*) FROM stg_finding"
                    + " GROUP BY run_id, account_id, finding_id HAVING COUNT(*) > 1")).isEmpty();
            for (Path run : out.runFolders()) {
                String runId = run.getFileName().toString();
                assertThat(query(db, "SELECT account_id FROM stg_snapshot WHERE run_id = '" + runId + "'")).hasSize(3);
                assertThat(query(db, "SELECT finding_id FROM stg_finding WHERE run_id = '" + runId + "'"))
                        .hasSize(out.findings(run).size());
            }
        }
    }

    private static void await(Process process, Check condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (!condition.met()) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before " + what);
            }
            if (Instant.now().isAfter(deadline)) {
                kill(process);
                throw new AssertionError("waited " + RUN_TIMEOUT + " for " + what);
            }
            // polls a file the process writes; the condition itself is what synchronises
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static List<String> query(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @FunctionalInterface
    private interface Check {
        boolean met() throws Exception;
    }
}
