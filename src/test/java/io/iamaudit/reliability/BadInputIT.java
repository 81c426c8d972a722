package io.iamaudit.reliability;

import io.iamaudit.cli.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input CommandLineIT does not cover: expired credentials, malformed exceptions, scenario and profile files,
 * malformed filters, a malformed configuration file. Each is one line naming the problem, exit 2, and nothing is
 * published or staged.
 */
class BadInputIT {

    @TempDir
    Path home;

    @Test
    void expiredSessionCredentialsAreOneLineAndExitTwoBeforeAnythingIsStaged() throws Exception {
        try (SandboxServer aws = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant(), 0)) {
            // given session credentials AWS answers with ExpiredToken
            aws.faults().expireCredentials("ASIASANDBOXEXPIRED01");
            Map<String, String> env = Map.of(
                    "AWS_ACCESS_KEY_ID", "ASIASANDBOXEXPIRED01",
                    "AWS_SECRET_ACCESS_KEY", "sandbox/expired-secret-EXAMPLE",
                    "AWS_SESSION_TOKEN", "SANDBOXSESSIONTOKEN/expired-EXAMPLE",
                    "AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL", aws.endpoint().toString());

            // when
            JarProcess.Result result = new JarProcess(home).run(env, Duration.ofMinutes(2), "org-audit",
                    "--output", "file:" + home.resolve("out"));

            // then
            assertUsage(result, "ExpiredToken");
            assertThat(result.stderr()).contains("credentials").doesNotContain("expired-secret");
            assertThat(aws.stats().calls("sts:GetCallerIdentity")).isPositive();
            assertThat(aws.stats().calls("organizations:ListRoots") + aws.stats().calls("sts:AssumeRole")).isZero();
            assertThat(home.resolve("out/runs")).doesNotExist();
            assertThat(home.resolve("out/latest.json")).doesNotExist();
        }
    }

    @Test
    void malformedFilesAndFiltersAreOneLineNamingTheFile() throws Exception {
        JarProcess jar = new JarProcess(home);
        Path out = home.resolve("out");
        Path exceptions = Files.writeString(home.resolve("exceptions.yaml"), "exceptions:\n  - identity: [unclosed\n");
        Path scenario = Files.writeString(home.resolve("scenario.yaml"), "organization:\n  id: not-an-org-id\n  managementAccount: 12\n");
        Path profile = Files.writeString(home.resolve("profile.yaml"), "latency: {default: {minMillis: fast}}\n");
        // not in the working folder, where Spring Boot (and so the preflight) would read it for every command
        Path config = Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("extra.yml"),
                "iam-audit:\n  concurrency: [8\n");

        assertUsage(jar.run("org-audit", "--sandbox", "--exceptions", exceptions.toString(), "--output", "file:" + out),
                "--exceptions");
        assertUsage(jar.run("org-audit", "--sandbox", scenario.toString(), "--output", "file:" + out),
                "scenario.yaml");
        assertUsage(jar.run("org-audit", "--sandbox", "--sandbox-profile", profile.toString(), "--output", "file:" + out),
                "profile.yaml");
        assertUsage(jar.run("org-audit", "--sandbox", "--include-ou", "ou-bad", "--output", "file:" + out), "ou-bad");
        assertUsage(jar.run("org-audit", "--sandbox", "--include-tag", "no-equals-sign", "--output", "file:" + out),
                "no-equals-sign");
        assertUsage(jar.run("quarterly-report", "--quarter", "26-Q1"), "26-Q1");
        assertUsage(jar.run(Map.of("SPRING_CONFIG_ADDITIONAL_LOCATION", config.toString()), Duration.ofMinutes(2),
                "org-audit", "--sandbox", "--output", "file:" + out), "extra.yml");
        assertThat(out.resolve("latest.json")).doesNotExist();
        assertThat(out.resolve("runs")).doesNotExist();
    }

    private static void assertUsage(JarProcess.Result result, String message) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.USAGE);
        String[] lines = result.stderr().strip().split("\\R");
        assertThat(lines).as(result.all()).hasSize(1);
        assertThat(lines[0]).startsWith("iam-audit: ").contains(message);
    }
}
