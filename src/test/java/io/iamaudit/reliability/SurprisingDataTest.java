package io.iamaudit.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.IamAuditApplication;
import io.iamaudit.job.ExitCode;
import io.iamaudit.job.AuditJobRunner;
import io.iamaudit.job.RunResult;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.StagingRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import io.iamaudit.testsupport.SandboxRunProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.iamaudit.reliability.TestScenarios.MANAGEMENT;
import static io.iamaudit.reliability.TestScenarios.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data AWS may send that the scenarios do not: a credential report with reordered and extra columns, one cut short,
 * enum values AWS adds later (an account State, an Access Analyzer finding type), an account with 2,000 roles, and
 * policies using every part of the IAM policy grammar. Each is handled, or recorded as that account's or data set's
 * error; the run always completes. The sandbox serves the odd answers through {@code faults().rewrite(...)}.
 */
@SpringBootTest(classes = IamAuditApplication.class)
class SurprisingDataTest {

    private static final String MANY_ROLES = "100000000003";
    private static final String GRAMMAR = "100000000004";
    private static final String NEW_STATE = "100000000005";
    /** Thousands of roles, as large organizations have; 2,000 keeps the test within a CI minute. */
    private static final int ROLES = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = tempDir();
    private static final SandboxServer SANDBOX = SandboxServer.start(Scenarios.load(TestScenarios.write(WORK,
            "surprising.yaml", TestScenarios.fidelityWithAccounts(
                    TestScenarios.accountWithRoles(MANY_ROLES, "many-roles", ROLES, "AmazonS3ReadOnlyAccess",
                            "AmazonS3ReadOnlyAccess")
                            + grammarAccount()
                            + TestScenarios.memberAccount(NEW_STATE, "new-state")))),
            SandboxProfile.instant(), 0);

    @Autowired
    AuditJobRunner runner;

    @Autowired
    StagingRepository staging;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SandboxRunProperties.register(registry, "surprising-data", WORK, SANDBOX);
        registry.add("iam-audit.aws.max-attempts", () -> "2");
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void oddDataIsHandledOrRecordedPerAccountAndTheRunCompletes() {
        // given AWS answers the sandbox cannot express in a scenario
        SANDBOX.faults()
                .rewrite("iam:GetCredentialReport", SurprisingDataTest::oddCredentialReports)
                .rewrite("organizations:ListAccountsForParent", body -> json(body, SurprisingDataTest::newAccountState))
                .rewrite("access-analyzer:ListFindingsV2", body -> json(body, SurprisingDataTest::newFindingType))
                .rewrite("access-analyzer:GetFindingV2", body -> json(body, SurprisingDataTest::newFindingType));

        // when
        RunResult run;
        try {
            run = runner.start("org-audit");
        } finally {
            SANDBOX.faults().clear();
        }

        // then the run completed and published
        assertThat(run.exitCode()).as(run.summaryLine()).isEqualTo(ExitCode.COMPLETE);
        assertThat(run.published()).isNotNull();
        Map<String, AccountCoverage> coverage = staging.coverage(run.runId()).stream()
                .collect(Collectors.toMap(AccountCoverage::accountId, c -> c));

        // an account State AWS added later: not audited as if it were active, skipped with the state as the reason
        assertThat(coverage.get(NEW_STATE).status()).isEqualTo(AccountCoverage.Status.SKIPPED);
        assertThat(coverage.get(NEW_STATE).reason()).contains("PENDING_ACTIVATION");

        // a truncated credential report: that data set of that account is recorded missing, nothing else is
        assertThat(coverage.get(MEMBER).status()).isEqualTo(AccountCoverage.Status.AUDITED);
        assertThat(coverage.get(MEMBER).reason()).startsWith("credentialReport: ").contains("truncated")
                .doesNotContain("authorization");
        assertThat(snapshot(run, MEMBER).credentialReport().missing()).isTrue();
        assertThat(snapshot(run, MEMBER).authorization().missing()).isFalse();

        // reordered and extra columns: read by name, the extra column kept
        AccountSnapshot grammar = snapshot(run, GRAMMAR);
        assertThat(coverage.get(GRAMMAR).reason()).isNullOrEmpty();
        List<CredentialReportRow> users = grammar.credentialReport().value().users().toList();
        assertThat(users).extracting(CredentialReportRow::user).contains("grammar-user");
        assertThat(users).allSatisfy(u -> assertThat(u.extra()).containsEntry("future_column", "later"));
        assertThat(users.stream().filter(u -> u.user().equals("grammar-user")).findFirst().orElseThrow()
                .passwordEnabled()).isTrue();

        // a finding type Access Analyzer adds later: kept as text, not mistaken for a known type
        List<AccessAnalyzerState.AnalyzerFinding> analyzerFindings = Stream.of(MANAGEMENT, MEMBER)
                .flatMap(a -> snapshot(run, a).accessAnalyzer().value().findings().stream()).toList();
        assertThat(coverage.get(MANAGEMENT).reason()).isNullOrEmpty();
        assertThat(analyzerFindings).extracting(AccessAnalyzerState.AnalyzerFinding::findingType)
                .contains("ExternalAccessV9");
        assertThat(findings(run)).noneMatch(f -> f.ruleId().contains("EXTERNAL_ACCESS") && f.accountId().equals(MEMBER));

        // thousands of roles: every one staged and analyzed
        assertThat(coverage.get(MANY_ROLES).status()).isEqualTo(AccountCoverage.Status.AUDITED);
        assertThat(coverage.get(MANY_ROLES).reason()).isNullOrEmpty();
        assertThat(snapshot(run, MANY_ROLES).authorization().value().roles())
                .filteredOn(r -> r.roleName().startsWith("app-role-")).hasSize(ROLES);
        assertThat(findings(run)).filteredOn(f -> f.accountId().equals(MANY_ROLES)).hasSizeGreaterThan(ROLES / 4);

        // every part of the policy grammar parsed: the NotAction allow is found on the policy that has it
        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.accountId()).isEqualTo(GRAMMAR);
            assertThat(f.ruleId()).isEqualTo("IAM.POLICY.NOT_ACTION_ALLOW");
            assertThat(f.principalArn() + " " + f.evidence()).contains("grammar-policy");
        });
    }

    /** Policies with NotAction, NotResource, NotPrincipal-free trust with conditions, single strings and lists, Statement as an object. */
    private static String grammarAccount() {
        String objectStatement = "'{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"AsObject\",\"Effect\":\"Allow\","
                + "\"NotAction\":\"iam:*\",\"NotResource\":[\"arn:aws:s3:::secret-bucket\",\"arn:aws:s3:::secret-bucket/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"},"
                + "\"StringLike\":{\"aws:PrincipalTag/team\":[\"a*\",\"b*\"]},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
                + "\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\"]},\"Null\":{\"aws:TokenIssueTime\":\"false\"}}}}'";
        String listStatements = "'{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"s3:Get*\"],\"Resource\":[\"*\"],"
                + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}}]}'";
        String trust = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "[\"arn:aws:iam::999999999999:root\",\"111122223333\"]},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],"
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}}]}'";
        return "  - id: \"" + GRAMMAR + "\"\n"
                + "    name: grammar\n"
                + "    ou: Workloads\n"
                + "    users:\n"
                + "      - name: grammar-user\n"
                + "        password: {lastUsedDaysAgo: 1}\n"
                + "        mfa: virtual\n"
                + "        attachedPolicies: [grammar-policy]\n"
                + "        inlinePolicies: {list-statements: " + listStatements + "}\n"
                + "    roles:\n"
                + "      - name: partner-role\n"
                + "        trustPolicy: " + trust + "\n"
                + "        inlinePolicies: {list-statements: " + listStatements + "}\n"
                + "        lastUsedDaysAgo: 2\n"
                + "    policies:\n"
                + "      - name: grammar-policy\n"
                + "        document: " + objectStatement + "\n";
    }

    private static final Pattern CONTENT = Pattern.compile("<Content>([^<]*)</Content>");

    /** The member's report ends mid-row; the grammar account's has its columns reversed plus one AWS adds later. */
    private static String oddCredentialReports(String xml) {
        Matcher m = CONTENT.matcher(xml);
        if (!m.find()) {
            return xml;
        }
        String csv = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        String changed = csv;
        if (csv.contains(":" + MEMBER + ":")) {
            changed = csv.substring(0, csv.lastIndexOf(',') - 3) + ",\"unterminated";
        } else if (csv.contains(":" + GRAMMAR + ":")) {
            List<String> lines = new ArrayList<>();
            for (String line : csv.split("\n")) {
                List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
                java.util.Collections.reverse(cells);
                cells.add(lines.isEmpty() ? "future_column" : "later");
                lines.add(String.join(",", cells));
            }
            changed = String.join("\n", lines);
        }
        return xml.substring(0, m.start(1)) + Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + xml.substring(m.end(1));
    }

    private static void newAccountState(JsonNode body) {
        body.path("Accounts").forEach(a -> {
            if (a.path("Id").asText().equals(NEW_STATE)) {
                ((ObjectNode) a).put("State", "PENDING_ACTIVATION");
                ((ObjectNode) a).remove("Status");
            }
        });
    }

    private static void newFindingType(JsonNode body) {
        List<JsonNode> nodes = new ArrayList<>(body.findParents("findingType"));
        for (JsonNode node : nodes) {
            if ("ExternalAccess".equals(node.path("findingType").asText())) {
                ((ObjectNode) node).put("findingType", "ExternalAccessV9");
            }
        }
    }

    private static String json(String body, java.util.function.Consumer<JsonNode> change) {
        try {
            JsonNode node = JSON.readTree(body);
            change.accept(node);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AccountSnapshot snapshot(RunResult run, String account) {
        return staging.snapshot(run.runId(), account).orElseThrow();
    }

    private List<Finding> findings(RunResult run) {
        try (Stream<Finding> all = staging.findings(run.runId())) {
            return all.toList();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("surprising-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
