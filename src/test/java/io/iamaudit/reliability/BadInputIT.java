package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
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
        assertUsage(jar.run("org-audit", "--sandbox=" + scenario, "--output", "file:" + out),
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

    @Test
    void aStoreOrDatabaseOrEndpointThatCannotBeUsedIsOneLineBeforeAnyCollection() throws Exception {
        JarProcess jar = new JarProcess(home);
        Path out = home.resolve("out");
        String[] audit = {"org-audit", "--sandbox", "--output", "file:" + out};

        // another process holds the H2 staging database of this IAM_AUDIT_HOME
        try (Connection held = DriverManager.getConnection("jdbc:h2:file:" + home.resolve(".iam-audit/staging"), "sa", "")) {
            assertUsage(jar.run(audit), "is locked: another iam-audit run may be using it");
        }
        // a JDBC URL this jar has no driver for; the password is never echoed
        assertUsage(jar.run(Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://127.0.0.1:9/audit?password=hunter2"),
                Duration.ofMinutes(2), audit), "no JDBC driver");
        assertThat(out.resolve("runs")).doesNotExist();

        try (SandboxServer aws = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant(), 0)) {
            Map<String, String> credentials = Map.of("AWS_ACCESS_KEY_ID", aws.managementCredentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", aws.managementCredentials().secretAccessKey(), "AWS_REGION", "us-east-1",
                    "IAM_AUDIT_AWS_MAX_ATTEMPTS", "1");
            // nothing listens: one line, and no advice to restart a run that was never staged
            JarProcess.Result unreachable = jar.run(with(credentials, "AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
                    Duration.ofMinutes(2), "org-audit", "--output", "file:" + out);
            assertUsage(unreachable, "cannot reach http://127.0.0.1:9");
            assertThat(unreachable.all()).doesNotContain("restart");
            // TLS spoken to an endpoint that answers in plain HTTP (a proxy or port mix-up)
            try (ServerSocket plain = plainHttpServer()) {
                String https = "https://127.0.0.1:" + plain.getLocalPort();
                assertUsage(jar.run(with(credentials, "AWS_ENDPOINT_URL", https), Duration.ofMinutes(2), "org-audit",
                        "--output", "file:" + out), "TLS refused by " + https);
            }
            assertThat(aws.stats().calls("organizations:ListRoots")).isZero();
        }
        assertThat(out.resolve("runs")).doesNotExist();
        assertThat(out.resolve("latest.json")).doesNotExist();
    }

    @Test
    void aMissingS3BucketStopsTheRunBeforeAnyAccountIsCollected() throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", moto.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "moto-secret-EXAMPLE");

            JarProcess.Result result = new JarProcess(home).run(env, Duration.ofMinutes(2), "org-audit", "--sandbox",
                    "--output", "s3://no-such-audit-bucket/iam");

            assertUsage(result, "s3://no-such-audit-bucket/iam: bucket 'no-such-audit-bucket' does not exist");
            assertThat(result.all()).doesNotContain("account 1");
            try (S3Client s3 = MotoWorld.s3(moto)) {
                assertThat(s3.listBuckets().buckets()).isEmpty();
            }
        }
    }

    /** Answers every connection with a plain-HTTP error, whatever the client sent first. */
    private static ServerSocket plainHttpServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed by the test, or the client hung up: serve the next one
                }
            }
        }, "plain-http");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(key, value);
        return all;
    }

    private static void assertUsage(JarProcess.Result result, String message) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.USAGE);
        String[] lines = result.stderr().strip().split("\\R");
        assertThat(lines).as(result.all()).hasSize(1);
        assertThat(lines[0]).startsWith("iam-audit: ").contains(message);
    }
}
