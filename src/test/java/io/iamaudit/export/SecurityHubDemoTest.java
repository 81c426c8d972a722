package io.iamaudit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.IamAuditApplication;
import io.iamaudit.job.ExitCode;
import io.iamaudit.job.AuditJobRunner;
import io.iamaudit.job.RunResult;
import io.iamaudit.report.CsvDialect;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.sandbox.handler.SecurityHubHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organization audited twice with {@code --security-hub} against the sandbox: the first run publishes both
 * exports (one record per row of the findings csv, every record valid against the OCSF schema and Security Hub's
 * model, listed in the manifest with its SHA-256) and imports every finding, each into its own account; between the
 * runs one planted issue is fixed (the management account's weak password policy), and the second run archives
 * exactly the findings it no longer reports, and imports the others again as ACTIVE.
 */
class SecurityHubDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGEMENT = "111111111111";
    private static SandboxServer sandbox;
    private static Path work;

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /**
     * One audit in an application context of its own, as the command line runs it (one process per run): the
     * context's AWS sessions are the sandbox's that serves this run.
     */
    private static RunResult audit(SandboxServer server) throws IOException {
        Path exceptions = Files.writeString(work.resolve("exceptions.yaml"), """
                exceptions:
                  - identity: deploy-bot
                    rule: IAM.USER.KEY_ROTATION
                    account: "444444444444"
                    owner: platform@example.com
                    reason: "CI keys rotate with the pipeline migration (SEC-42)"
                    expires: 2099-12-31
                """);
        Map<String, String> props = new HashMap<>();
        props.put("spring.datasource.url", "jdbc:h2:mem:security-hub-demo;DB_CLOSE_DELAY=-1");
        props.put("iam-audit.home", work.resolve("home").toString());
        props.put("iam-audit.output", "file:" + work.resolve("out"));
        props.put("iam-audit.aws.endpoint", server.endpoint().toString());
        props.put("iam-audit.aws.access-key-id", server.managementCredentials().accessKeyId());
        props.put("iam-audit.aws.secret-access-key", server.managementCredentials().secretAccessKey());
        props.put("iam-audit.security-hub.enabled", "true");
        props.put("iam-audit.security-hub.calls-per-second", "0");
        props.put("iam-audit.exceptions-file", exceptions.toString());
        // as command-line arguments, like the launcher: they win over application.yml
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IamAuditApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            return context.getBean(AuditJobRunner.class).start("org-audit");
        }
    }

    @Test
    void exportsAndImportsEveryFindingThenArchivesTheResolvedOnes() throws Exception {
        // first run: the demo as planted, with one exception (the look-alike: the same rule on other users stays FAIL)
        work = Files.createTempDirectory("security-hub-demo");
        sandbox = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0);
        RunResult first = audit(sandbox);
        assertThat(first.exitCode()).isEqualTo(ExitCode.COMPLETE);
        Path folder = runFolder(first.runId());
        List<Map<String, String>> csv = findingsCsv(folder);
        List<JsonNode> ocsf = Files.readAllLines(folder.resolve(FindingExports.OCSF)).stream().map(this::json).toList();
        JsonNode asff = JSON.readTree(folder.resolve(FindingExports.ASFF).toFile());

        assertThat(csv).extracting(r -> r.get("status")).contains("FAIL", "EXCEPTED");
        assertThat(ocsf).hasSize(csv.size());
        assertThat(asff).hasSize(csv.size());
        assertThat(ocsf.stream().map(e -> e.at("/finding_info/uid").asText()).collect(Collectors.toSet()))
                .isEqualTo(csv.stream().map(r -> r.get("finding_id")).collect(Collectors.toSet()));
        OcsfSchema schema = new OcsfSchema(OcsfRecord.SCHEMA_VERSION);
        AsffModel model = new AsffModel();
        ocsf.forEach(e -> assertThat(schema.validate("findings/compliance_finding", e)).as(e.toString()).isEmpty());
        asff.forEach(f -> assertThat(model.validate(f)).as(f.toString()).isEmpty());
        long failOrExcepted = csv.stream().filter(r -> Set.of("FAIL", "EXCEPTED").contains(r.get("status"))).count();
        assertThat(ocsf.stream().filter(e -> e.at("/compliance/status").asText().equals("Fail")).count())
                .isEqualTo(failOrExcepted);
        JsonNode excepted = stream(asff).filter(f -> f.at("/Workflow/Status").asText().equals("SUPPRESSED"))
                .collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                    assertThat(l).hasSize(1);
                    return l.get(0);
                }));
        assertThat(excepted.get("GeneratorId").asText()).isEqualTo("iam-audit/IAM.USER.KEY_ROTATION");
        assertThat(excepted.at("/Note/Text").asText()).contains("SEC-42");
        // the look-alike: the same rule on other users is not suppressed
        assertThat(stream(asff).filter(f -> f.get("GeneratorId").asText().equals("iam-audit/IAM.USER.KEY_ROTATION"))
                .filter(f -> f.at("/Workflow/Status").asText().equals("NEW")).count()).isPositive();
        assertManifestLists(folder, FindingExports.OCSF, FindingExports.ASFF);

        List<SecurityHubHandler.Imported> imported = sandbox.securityHubImports();
        assertThat(imported).extracting(SecurityHubHandler.Imported::id)
                .containsExactlyInAnyOrderElementsOf(csv.stream().map(r -> r.get("finding_id")).toList());
        assertThat(imported).allSatisfy(i -> {
            assertThat(i.finding().get("AwsAccountId").asText()).isEqualTo(i.callerAccountId());
            assertThat(i.recordState()).isEqualTo("ACTIVE");
        });
        Set<String> passwordFindings = csv.stream()
                .filter(r -> r.get("account_id").equals(MANAGEMENT) && r.get("rule_id").startsWith("IAM.PASSWORD."))
                .map(r -> r.get("finding_id")).collect(Collectors.toSet());
        assertThat(passwordFindings).hasSizeGreaterThanOrEqualTo(4);

        // between the runs: the management account gets a strong password policy
        sandbox.close();
        sandbox = SandboxServer.start(fixedPasswordPolicy(), SandboxProfile.instant(), 0);
        RunResult second = audit(sandbox);
        assertThat(second.exitCode()).isEqualTo(ExitCode.COMPLETE);

        Set<String> stillReported = findingsCsv(runFolder(second.runId())).stream().map(r -> r.get("finding_id"))
                .collect(Collectors.toSet());
        Set<String> resolved = csv.stream().map(r -> r.get("finding_id")).filter(id -> !stillReported.contains(id))
                .collect(Collectors.toSet());
        assertThat(resolved).isEqualTo(passwordFindings);

        List<SecurityHubHandler.Imported> secondImports = sandbox.securityHubImports();
        Set<String> archived = secondImports.stream().filter(i -> i.recordState().equals("ARCHIVED"))
                .map(SecurityHubHandler.Imported::id).collect(Collectors.toSet());
        assertThat(archived).isEqualTo(resolved);
        assertThat(secondImports).filteredOn(i -> i.recordState().equals("ARCHIVED")).allSatisfy(i -> {
            assertThat(i.callerAccountId()).isEqualTo(MANAGEMENT);
            assertThat(i.finding().at("/Compliance/Status").asText()).isEqualTo("PASSED");
            assertThat(model.validate(i.finding())).isEmpty();
        });
        assertThat(secondImports).filteredOn(i -> i.recordState().equals("ACTIVE")).extracting(
                SecurityHubHandler.Imported::id).containsExactlyInAnyOrderElementsOf(stillReported);
    }

    /** The demo with the management account's password policy made strong: its five IAM.PASSWORD findings go. */
    private static io.iamaudit.sandbox.scenario.Scenario fixedPasswordPolicy() throws IOException {
        String demo;
        try (var in = Scenarios.class.getResourceAsStream("/scenarios/demo.yaml")) {
            demo = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String weak = "minimumLength: 8";
        assertThat(demo).containsOnlyOnce(weak);
        String indent = demo.substring(demo.lastIndexOf('\n', demo.indexOf(weak)) + 1, demo.indexOf(weak));
        String strong = String.join("\n" + indent, "minimumLength: 14", "requireSymbols: true",
                "requireNumbers: true", "maxPasswordAge: 90", "passwordReusePrevention: 24");
        Path file = Files.writeString(work.resolve("fixed.yaml"), demo.replace(weak, strong));
        return Scenarios.load(file);
    }

    private void assertManifestLists(Path folder, String... files) throws Exception {
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        Map<String, String> sha = new HashMap<>();
        manifest.get("files").forEach(f -> sha.put(f.get("path").asText(), f.get("sha256").asText()));
        for (String file : files) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(file)));
            assertThat(sha).containsEntry(file, HexFormat.of().formatHex(digest));
        }
    }

    private static Path runFolder(String runId) throws IOException {
        try (Stream<Path> files = Files.walk(work.resolve("out"))) {
            return files.filter(p -> p.getFileName().toString().equals(runId) && Files.isDirectory(p))
                    .findFirst().orElseThrow();
        }
    }

    /** The findings csv by column key (its headers are the sheet's, mapped back here). */
    private static List<Map<String, String>> findingsCsv(Path folder) throws IOException {
        Map<String, String> keys = Map.of("Finding id", "finding_id", "Account id", "account_id", "Rule", "rule_id",
                "Status", "status");
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (CsvDialect.In in = CsvDialect.reader(Files.newBufferedReader(folder.resolve("csv/findings.csv")))) {
            String[] header = in.read();
            header[0] = header[0].replace("\uFEFF", "");
            for (String[] row = in.read(); row != null; row = in.read()) {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(keys.getOrDefault(header[i], header[i]), row[i]);
                }
                rows.add(m);
            }
        }
        return rows;
    }

    private JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
