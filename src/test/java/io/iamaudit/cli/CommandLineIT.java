package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command through the packaged jar as a real process against the embedded sandbox: exit codes, the one-line
 * messages for bad input, and that nothing is published when the input was bad.
 */
class CommandLineIT {

    private static final String MANAGEMENT = "100000000001";
    private static final String MEMBER = "100000000002";

    @TempDir
    Path home;

    private String fidelity() {
        return Path.of("jobs/scenarios/fidelity.yaml").toAbsolutePath().toString();
    }

    @Test
    void orgAuditOnTheSandboxPublishesAndExitsZeroWithJsonLogsForCloudWatch() throws Exception {
        JarProcess.Result result = new JarProcess(home).run(Map.of("IAM_AUDIT_LOG_FORMAT", "json"),
                Duration.ofMinutes(4), "org-audit", "--sandbox", fidelity(), "--output", "file:" + home.resolve("out"));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(result.stdout()).contains("complete: 2 accounts audited, 0 skipped, 0 failed");
        assertThat(home.resolve("out/latest.json")).isRegularFile();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> logLines = result.stdout().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(logLines).isNotEmpty();
        for (String line : logLines) {
            assertThat(json.readTree(line).path("log").path("level").asText()).isNotEmpty();
        }
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("[1/2] account").contains("ETA"))
                .anySatisfy(l -> assertThat(l).contains("[2/2] account"));
        // the closing summary is a JSON line too; run and account ids are fields, not only words in the message
        assertThat(result.stdout().lines().filter(l -> l.contains("complete: 2 accounts audited")))
                .singleElement().satisfies(l -> assertThat(json.readTree(l).path("message").asText())
                        .startsWith("run ").contains("complete: 2 accounts audited"));
        assertThat(logLines).anySatisfy(l -> {
            com.fasterxml.jackson.databind.JsonNode line = json.readTree(l);
            assertThat(line.path("runId").asText()).isNotEmpty();
            assertThat(line.path("accountId").asText()).isEqualTo(MEMBER);
        });
        // published: the staged copies of the reports are gone from IAM_AUDIT_HOME
        try (var staged = Files.walk(home.resolve(".iam-audit"))) {
            assertThat(staged.filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".csv"))).isEmpty();
        }
    }

    @Test
    void accountAuditCoversOneAccountInItsOwnRunFolder() throws Exception {
        JarProcess.Result result = new JarProcess(home).run("account-audit", "--account-id", MEMBER,
                "--sandbox", fidelity(), "--output", "file:" + home.resolve("out"));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(result.stdout()).contains("1 accounts audited, 1 skipped")
                .containsPattern("skipped " + MANAGEMENT + " \\([^)]*\\): .+");
        try (var runs = Files.walk(home.resolve("out/runs"), 4)) {
            assertThat(runs.filter(p -> p.getNameCount() - home.resolve("out/runs").getNameCount() == 4)).hasSize(1);
        }
    }

    @Test
    void aDeniedAccountGivesExitThreeAndRestartCompletesTheRun() throws Exception {
        Path profile = home.resolve("deny.yaml");
        Files.writeString(profile, "faults:\n  denyAssumeRole: [\"" + MEMBER + "\"]\n");
        JarProcess jar = new JarProcess(home);
        String out = "file:" + home.resolve("out");

        JarProcess.Result first = jar.run("org-audit", "--sandbox", fidelity(), "--sandbox-profile", profile.toString(),
                "--output", out);
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCode.ACCOUNTS_FAILED);
        assertThat(first.stdout()).contains("failed " + MEMBER).contains("AccessDenied");

        // a restart resumes where the run was asked to publish: another output is refused, none means the run's own
        assertUsage(jar.run("restart", "--sandbox", fidelity(), "--output", "file:" + home.resolve("elsewhere")),
                "was started with --output " + out);
        JarProcess.Result restart = jar.run("restart", "--sandbox=" + fidelity(), "--concurrency", "2");
        assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(restart.stdout()).contains("2 accounts audited, 0 skipped, 0 failed").contains("published to " + home.resolve("out"));
        assertThat(restart.all()).contains("[1/1] account " + MEMBER);
        assertThat(home.resolve("reports")).doesNotExist();
        assertThat(home.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork() throws Exception {
        JarProcess jar = new JarProcess(home);
        Path out = home.resolve("out");
        Path notAFolder = Files.writeString(home.resolve("a-file"), "x");

        assertUsage(jar.run("account-audit", "--account-id", "12345", "--sandbox"), "'12345' is not a 12-digit AWS account id");
        assertUsage(jar.run("account-audit", "--account-id", "999999999999", "--sandbox", fidelity(),
                "--output", "file:" + out), "account 999999999999 is not in organization");
        assertUsage(jar.run("quarterly-report", "--quarter", "2026-Q5"), "2026-Q5");
        assertUsage(jar.run("org-audit", "--sandbox", "--output", "ftp://bucket/x"), "ftp://bucket/x");
        assertUsage(jar.run("org-audit", "--sandbox", "--output", "file:" + notAFolder.resolve("sub")), "not writable");
        assertUsage(jar.run("org-audit", "--sandbox", home.resolve("missing.yaml").toString()), "missing.yaml");
        assertUsage(jar.run("org-audit", "--output", "file:" + out), "no AWS credentials found");
        assertUsage(jar.run("org-audit", "--concurrency", "0", "--sandbox"), "--concurrency");
        assertUsage(jar.run("org-audit", "--no-such-option"), "no-such-option");
        // the scenario is the option's own value (--sandbox=FILE): a following option is never read as a file
        assertUsage(jar.run("org-audit", "--sandbox", "--bogus"), "Unknown option: '--bogus'");
        // configuration outside the command line gets the same checks
        assertUsage(jar.run(Map.of("IAM_AUDIT_CONCURRENCY", "0"), Duration.ofMinutes(2), "org-audit", "--sandbox",
                "--output", "file:" + out), "iam-audit.concurrency must be at least 1, got 0");
        assertUsage(jar.run(Map.of("IAM_AUDIT_CONCURRENCY", "eight"), Duration.ofMinutes(2), "org-audit", "--sandbox",
                "--output", "file:" + out), "IAM_AUDIT_CONCURRENCY");
        Path typo = Files.writeString(home.resolve("exceptions.yaml"), """
                exceptions:
                  - {identity: "svc-*", rule: IAM.NO.SUCH.RULE, owner: a@example.com, reason: r, expires: 2099-01-01}
                """);
        assertUsage(jar.run("org-audit", "--sandbox", "--exceptions", typo.toString(), "--output", "file:" + out),
                "exception 1: rule 'IAM.NO.SUCH.RULE' is not in the rule catalog");
        assertThat(out.resolve("latest.json")).doesNotExist();
        assertThat(out.resolve("runs")).doesNotExist();
    }

    @Test
    void rulesPrintsTheCatalogInEachFormat() throws Exception {
        JarProcess jar = new JarProcess(home);
        JarProcess.Result markdown = jar.run("rules", "--format", "markdown");
        assertThat(markdown.exitCode()).isZero();
        assertThat(markdown.stdout()).contains("SEC02-BP01").contains("| ");
        JarProcess.Result csv = jar.run("rules", "--format", "csv");
        assertThat(csv.stdout().lines().count()).isGreaterThan(40);
        assertUsage(jar.run("rules", "--format", "pdf"), "pdf");
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        JarProcess jar = new JarProcess(home);
        for (String command : new String[]{"org-audit", "account-audit", "quarterly-report", "restart", "rules", "sandbox"}) {
            JarProcess.Result help = jar.run(Map.of(), Duration.ofMinutes(1), command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.stdout()).as(command).contains("Usage: iam-audit " + command);
        }
    }

    private static void assertUsage(JarProcess.Result result, String message) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.USAGE);
        String[] lines = result.stderr().strip().split("\\R");
        assertThat(lines).as(result.all()).hasSize(1);
        assertThat(lines[0]).startsWith("iam-audit: ").contains(message);
    }
}
