package io.iamaudit.sandbox;

import io.iamaudit.testsupport.Peer;
import io.iamaudit.testsupport.RequiresPeers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fidelity with software nobody here wrote: the AWS CLI (botocore's own serializers and parsers) against the
 * sandbox serving the fidelity scenario. Each command must exit 0 with JSON whose values match the scenario.
 */
@RequiresPeers(Peer.AWS_CLI)
class SandboxCliFidelityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNUSED = "arn:aws:access-analyzer:us-east-1:100000000001:analyzer/org-unused";
    /** Not the common pool: on two cores it runs one task at a time. */
    static final ExecutorService CLI = Executors.newFixedThreadPool(4);
    static SandboxServer server;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.fidelity());
    }

    @AfterAll
    static void stop() {
        server.close();
        CLI.shutdownNow();
    }

    /** Runs independent CLI calls side by side: each is a Python start-up, the slow part of this test. */
    static <T> CompletableFuture<T> async(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, CLI);
    }

    static JsonNode aws(Map<String, String> credentials, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(credentials);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("aws %s failed: %s", String.join(" ", args), err).isZero();
        return JSON.readTree(out);
    }

    static Map<String, String> management() {
        return Map.of("AWS_ACCESS_KEY_ID", server.managementCredentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", server.managementCredentials().secretAccessKey());
    }

    @Test
    void organizationsAndStsThroughTheCli() throws Exception {
        var listed = async(() -> aws(management(), "organizations", "list-accounts"));
        var assuming = async(() -> aws(management(), "sts", "assume-role", "--role-arn",
                "arn:aws:iam::100000000002:role/OrganizationAccountAccessRole", "--role-session-name", "cli-audit"));
        JsonNode accounts = listed.join().get("Accounts");
        assertThat(accounts).extracting(a -> a.get("Name").asText())
                .containsExactly("fidelity-management", "fidelity-member");
        assertThat(accounts.get(1).get("JoinedTimestamp").isNumber()).isTrue();

        JsonNode assumed = assuming.join();
        assertThat(assumed.at("/AssumedRoleUser/Arn").asText())
                .isEqualTo("arn:aws:sts::100000000002:assumed-role/OrganizationAccountAccessRole/cli-audit");
        assertThat(assumed.at("/Credentials/AccessKeyId").asText()).startsWith("ASIASANDBOX");
        assertThat(assumed.at("/Credentials/Expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    /** The AWS CLI v1 knows the operation (botocore 1.43): its parser reads the sandbox's XML. */
    @Test
    void organizationFeaturesThroughTheCli() throws Exception {
        JsonNode features = aws(management(), "iam", "list-organizations-features");
        assertThat(features.get("OrganizationId").asText()).isEqualTo("o-fidelity0001");
        assertThat(features.get("EnabledFeatures")).extracting(JsonNode::asText)
                .containsExactly("RootCredentialsManagement", "RootSessions");
    }

    @Test
    void iamThroughTheCli() throws Exception {
        var reporting = async(() -> {
            assertThat(aws(management(), "iam", "generate-credential-report").get("State").asText()).isEqualTo("STARTED");
            return aws(management(), "iam", "get-credential-report");
        });
        var detailing = async(() -> aws(management(), "iam", "get-account-authorization-details"));
        var lastAccessed = async(() -> {
            String job = aws(management(), "iam", "generate-service-last-accessed-details", "--arn",
                    "arn:aws:iam::100000000001:role/deployer", "--granularity", "ACTION_LEVEL").get("JobId").asText();
            return aws(management(), "iam", "get-service-last-accessed-details", "--job-id", job);
        });
        var passwordPolicy = async(() -> aws(management(), "iam", "get-account-password-policy"));
        JsonNode report = reporting.join();
        String csv = new String(Base64.getDecoder().decode(report.get("Content").asText()), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst()).contains(SandboxCredentialReportTest.HEADER);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("<root_account>,arn:aws:iam::100000000001:root,");

        JsonNode details = detailing.join();
        assertThat(details.get("UserDetailList")).extracting(u -> u.get("UserName").asText())
                .containsExactly("alice", "ci-bot");
        // botocore URL-decodes and parses the documents: they arrive as JSON objects
        assertThat(details.at("/UserDetailList/0/UserPolicyList/0/PolicyDocument/Statement/0/Action").asText())
                .isEqualTo("s3:GetObject");
        JsonNode deploy = null;
        for (JsonNode p : details.get("Policies")) {
            if (p.get("PolicyName").asText().equals("deploy-policy")) {
                deploy = p;
            }
        }
        assertThat(deploy).isNotNull();
        assertThat(deploy.get("DefaultVersionId").asText()).isEqualTo("v2");
        assertThat(deploy.at("/PolicyVersionList/0/Document/Statement/0/Action/2").asText()).isEqualTo("iam:PassRole");

        JsonNode sla = lastAccessed.join();
        assertThat(sla.get("JobStatus").asText()).isEqualTo("COMPLETED");
        assertThat(sla.get("ServicesLastAccessed")).extracting(s -> s.get("ServiceNamespace").asText())
                .containsExactly("iam", "lambda", "s3");
        assertThat(sla.at("/ServicesLastAccessed/1/TrackedActionsLastAccessed")).anySatisfy(a -> {
            assertThat(a.get("ActionName").asText()).isEqualTo("CreateFunction");
            assertThat(a.has("LastAccessedTime")).isTrue();
        });

        JsonNode policy = passwordPolicy.join().get("PasswordPolicy");
        assertThat(policy.get("MinimumPasswordLength").asInt()).isEqualTo(14);
        assertThat(policy.get("PasswordReusePrevention").asInt()).isEqualTo(24);
    }

    @Test
    void accessAnalyzerThroughTheCli() throws Exception {
        var listing = async(() -> aws(management(), "accessanalyzer", "list-analyzers"));
        var finding = async(() -> {
            JsonNode found = aws(management(), "accessanalyzer", "list-findings-v2", "--analyzer-arn", UNUSED,
                    "--filter", "{\"findingType\":{\"eq\":[\"UnusedPermission\"]}}").get("findings");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("resource").asText()).isEqualTo("arn:aws:iam::100000000001:role/deployer");
            return aws(management(), "accessanalyzer", "get-finding-v2", "--analyzer-arn", UNUSED,
                    "--id", found.get(0).get("id").asText());
        });
        JsonNode analyzers = listing.join().get("analyzers");
        assertThat(analyzers).extracting(a -> a.get("name").asText()).containsExactly("org-external", "org-unused");

        JsonNode found = finding.join();
        assertThat(found.get("id").asText()).isEqualTo("22222222-3333-4444-8555-666666666666");
        assertThat(found.at("/findingDetails/0/unusedPermissionDetails/serviceNamespace").asText()).isEqualTo("s3");
        assertThat(found.at("/findingDetails/0/unusedPermissionDetails/actions")).extracting(a -> a.get("action").asText())
                .containsExactly("s3:DeleteObject", "s3:PutObject");
    }

    /** botocore's own serializers and parsers for the policy checks and the finding recommendation (issue 13). */
    @Test
    void policyChecksAndFindingRecommendationThroughTheCli() throws Exception {
        String narrow = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]}";
        String wide = narrow.replace("s3:GetObject", "s3:*");
        var validated = async(() -> aws(management(), "accessanalyzer", "validate-policy", "--policy-type",
                "IDENTITY_POLICY", "--policy-document", narrow.replace("s3:GetObject", "s3:GetObjectt")));
        var passed = async(() -> aws(management(), "accessanalyzer", "check-no-new-access", "--policy-type",
                "IDENTITY_POLICY", "--new-policy-document", narrow, "--existing-policy-document", wide));
        var failed = async(() -> aws(management(), "accessanalyzer", "check-no-new-access", "--policy-type",
                "IDENTITY_POLICY", "--new-policy-document", wide, "--existing-policy-document", narrow));
        String id = "22222222-3333-4444-8555-666666666666";
        var recommended = async(() -> {
            // the CLI prints nothing for an empty 200 body: run it for its exit code only
            ProcessBuilder generate = new ProcessBuilder("aws", "--endpoint-url", server.endpoint().toString(),
                    "--region", "us-east-1", "accessanalyzer", "generate-finding-recommendation", "--analyzer-arn",
                    UNUSED, "--id", id).redirectErrorStream(true);
            generate.environment().putAll(management());
            Process p = generate.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
            assertThat(aws(management(), "accessanalyzer", "get-finding-recommendation", "--analyzer-arn", UNUSED,
                    "--id", id).get("status").asText()).isEqualTo("IN_PROGRESS");
            return aws(management(), "accessanalyzer", "get-finding-recommendation", "--analyzer-arn", UNUSED,
                    "--id", id);
        });

        JsonNode findings = validated.join().get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("findingType").asText()).isEqualTo("ERROR");
        assertThat(findings.get(0).get("issueCode").asText()).isEqualTo("INVALID_ACTION");
        assertThat(findings.get(0).at("/locations/0/path/0/value").asText()).isEqualTo("Statement");
        assertThat(passed.join().get("result").asText()).isEqualTo("PASS");
        assertThat(failed.join().get("result").asText()).isEqualTo("FAIL");
        assertThat(failed.join().at("/reasons/0/statementIndex").asInt()).isZero();
        JsonNode recommendation = recommended.join();
        assertThat(recommendation.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(recommendation.get("recommendationType").asText()).isEqualTo("UnusedPermissionRecommendation");
        assertThat(recommendation.get("resourceArn").asText()).isEqualTo("arn:aws:iam::100000000001:role/deployer");
        assertThat(recommendation.get("startedAt").asText()).isNotBlank();
        assertThat(recommendation.get("recommendedSteps")).isNotEmpty().allSatisfy(step ->
                assertThat(step.at("/unusedPermissionsRecommendedStep/recommendedAction").asText())
                        .isIn("CREATE_POLICY", "DETACH_POLICY"));
    }
}
