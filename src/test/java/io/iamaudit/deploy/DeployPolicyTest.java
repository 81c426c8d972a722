package io.iamaudit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.iamaudit.deploy.DeployPolicies.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployment policies grant exactly what required-actions.txt lists, to the right principal, on the report
 * bucket only, and the audit role can be entered only by the runner with the ExternalId from inside the organization.
 */
class DeployPolicyTest {

    /** Each policy as deployed, with the name it has in the granted-by column and whether SSE-KMS is in use. */
    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("runner-policy.json, SSE-KMS", "runner", true, runnerJson(true)),
                Arguments.of("runner-policy.json, SSE-S3", "runner", false, runnerJson(false)),
                Arguments.of("runner-role.yaml, SSE-KMS", "runner", true, runnerYaml(true)),
                Arguments.of("runner-role.yaml, SSE-S3", "runner", false, runnerYaml(false)),
                Arguments.of("audit-role-stackset.yaml permissions", "audit", false, auditPermissions()),
                Arguments.of("audit-role-stackset.yaml trust", "audit-trust", false, auditTrust()));
    }

    @Test
    void requiredActionsNameRealOperationsAndRealIamActions() {
        // given
        ActionCatalog catalog = ActionCatalog.bundled();
        Map<String, String> sdkToIamPrefix = Map.of("accessanalyzer", "access-analyzer");

        // when
        List<Requirement> requirements = requirements();

        // then
        assertThat(requirements).hasSizeGreaterThan(30);
        for (Requirement r : requirements) {
            // the catalog is IAM's action model (Service Authorization Reference): operations are checked by
            // prefix only, the IAM action by name
            String[] op = r.operation().split(":");
            String prefix = sdkToIamPrefix.getOrDefault(op[0], op[0]);
            assertThat(catalog.service(prefix)).as("service of %s", r.operation()).isNotNull();
            assertThat(catalog.known(r.iamAction())).as("IAM action %s", r.iamAction()).isTrue();
            assertThat(r.grantedBy()).as(r.toString()).isNotEmpty().isSubsetOf("runner", "audit", "audit-trust");
            assertThat(r.when()).as(r.toString()).isIn("always", "source-identity", "sse-kms", "security-hub");
        }
    }

    @Test
    void requiredActionsCoverWhatTheCollectorsAndPublisherNeed() {
        // given: the operations the brief of each stage names, as the SDK calls them
        Set<String> operations = requirements().stream().map(Requirement::operation).collect(Collectors.toSet());

        // then
        assertThat(operations).contains("organizations:ListAccounts", "organizations:ListDelegatedAdministrators",
                "sts:AssumeRole", "iam:GenerateCredentialReport", "iam:GetAccountAuthorizationDetails",
                "iam:GenerateServiceLastAccessedDetails", "accessanalyzer:ListFindingsV2",
                "accessanalyzer:GetFindingV2", "s3:CreateMultipartUpload", "s3:AbortMultipartUpload");
        assertThat(requirements()).filteredOn(r -> r.operation().equals("accessanalyzer:ListFindingsV2"))
                .extracting(Requirement::iamAction).containsExactly("access-analyzer:ListFindings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void everyRequiredActionIsGrantedByItsPolicy(String name, String policy, boolean sseKms, PolicyDocument doc) {
        // given
        List<Requirement> required = requirements().stream().filter(r -> r.appliesTo(policy, sseKms)).toList();

        // then
        assertThat(required).isNotEmpty();
        for (Requirement r : required) {
            if (policy.equals("audit-trust")) {
                assertThat(doc.allows()).as("%s lets the runner %s", name, r.iamAction())
                        .anyMatch(s -> s.coversAction(r.iamAction())
                                && RUNNER_ARN.equals(s.principal().path("AWS").asText()));
            } else {
                String resource = sampleResource(r.iamAction());
                assertThat(grants(doc, r.iamAction(), resource))
                        .as("%s grants %s (for %s) on %s", name, r.iamAction(), r.operation(), resource)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void noPolicyGrantsAnythingOutsideTheListNorWritesIamNorUsesWildcardsNorLeavesTheReportBucket(
            String name, String policy, boolean sseKms, PolicyDocument doc) {
        // when
        List<String> violations = violations(doc, requiredActions(policy, sseKms));

        // then
        assertThat(violations).as(name).isEmpty();
        assertThat(granted(doc)).as(name).containsExactlyInAnyOrderElementsOf(requiredActions(policy, sseKms));
        assertThat(doc.denies()).as(name + " needs no Deny to be safe").isEmpty();
    }

    @Test
    void theChecksCatchAPolicyThatGrantsTooMuch() {
        // given
        PolicyDocument tooMuch = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Iam","Effect":"Allow","Action":["iam:GetAccountSummary","iam:PutRolePolicy","iam:Attach*"],"Resource":"*"},
                  {"Sid":"S3","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                  {"Sid":"OtherPrefix","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::example-reports/other/*"},
                  {"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"},
                  {"Sid":"Not","Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""");

        // when
        List<String> violations = violations(tooMuch, Set.of("iam:GetAccountSummary", "s3:GetObject",
                "s3:PutObject"));

        // then
        assertThat(violations).anyMatch(v -> v.contains("IAM write action iam:PutRolePolicy"))
                .anyMatch(v -> v.contains("IAM write action iam:AttachRolePolicy"))
                .anyMatch(v -> v.contains("wildcard action iam:Attach*"))
                .anyMatch(v -> v.contains("wildcard action *"))
                .anyMatch(v -> v.contains("S3 action on *"))
                .anyMatch(v -> v.contains("outside the report prefix"))
                .anyMatch(v -> v.contains("Allow with NotAction"))
                .anyMatch(v -> v.contains("grants ec2:RunInstances, which required-actions.txt does not list"));
        assertThat(isIamWrite("iam:CreateAccessKey")).isTrue();
        assertThat(isIamWrite("iam:GenerateCredentialReport")).isFalse();
    }

    @Test
    void theRunnerEntersMemberAccountsThroughTheAuditRoleOnly() {
        for (PolicyDocument doc : List.of(runnerJson(true), runnerYaml(true))) {
            List<Statement> assume = doc.allows().stream().filter(s -> s.coversAction("sts:AssumeRole")).toList();
            assertThat(assume).hasSize(1);
            assertThat(assume.get(0).resources()).containsExactly("arn:aws:iam::*:role/IamAuditRole");
            assertThat(assume.get(0).condition().path("StringEquals").path("aws:ResourceOrgID").asText())
                    .isEqualTo("${aws:PrincipalOrgID}");
            assertThat(grants(doc, "sts:AssumeRole", "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"))
                    .as("the admin role Organizations creates must stay out of reach").isFalse();
        }
    }

    @Test
    void kmsIsGrantedOnlyWhenTheReportKeyIsGivenAndOnlyThroughS3() {
        // when
        Set<String> withoutKey = granted(runnerYaml(false));
        PolicyDocument withKey = runnerYaml(true);

        // then
        assertThat(withoutKey).noneMatch(a -> a.startsWith("kms:"));
        Statement kms = withKey.allows().stream().filter(s -> s.coversAction("kms:Decrypt")).findFirst().orElseThrow();
        assertThat(kms.resources()).containsExactly(KMS_KEY);
        assertThat(kms.condition().path("StringLike").path("kms:ViaService").asText()).isEqualTo("s3.*.amazonaws.com");
    }

    @Test
    void listingIsLimitedToTheReportPrefix() {
        Statement list = runnerYaml(false).allows().stream().filter(s -> s.coversAction("s3:ListBucket"))
                .findFirst().orElseThrow();
        assertThat(list.resources()).containsExactly("arn:aws:s3:::" + BUCKET);
        assertThat(list.condition().path("StringLike").path("s3:prefix"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(PREFIX, PREFIX + "/*");
    }

    @Test
    void runnerTemplateAndRunnerJsonAreTheSamePolicy() {
        for (boolean sseKms : new boolean[] {true, false}) {
            Map<String, Statement> json = bySid(runnerJson(sseKms));
            Map<String, Statement> yaml = bySid(runnerYaml(sseKms));
            assertThat(yaml.keySet()).as("SSE-KMS %s", sseKms).isEqualTo(json.keySet());
            for (String sid : json.keySet()) {
                assertThat(yaml.get(sid).json()).as("statement %s, SSE-KMS %s", sid, sseKms)
                        .isEqualTo(json.get(sid).json());
            }
        }
    }

    @Test
    void theAuditRoleTrustsOnlyTheRunnerWithTheExternalIdFromInsideTheOrganization() {
        // when
        PolicyDocument trust = auditTrust();

        // then
        assertThat(trust.statements()).isNotEmpty().allMatch(Statement::allow);
        for (Statement s : trust.statements()) {
            assertThat(s.json().has("NotPrincipal")).isFalse();
            assertThat(s.principal().size()).as("principal types").isEqualTo(1);
            assertThat(s.principal().path("AWS").isTextual()).as("a single AWS principal").isTrue();
            assertThat(s.principal().path("AWS").asText()).isEqualTo(RUNNER_ARN);
            JsonNode equals = s.condition().path("StringEquals");
            assertThat(equals.path("sts:ExternalId").asText()).isEqualTo(EXTERNAL_ID);
            assertThat(equals.path("aws:PrincipalOrgID").asText()).isEqualTo(ORG_ID);
        }
        Set<String> actions = new HashSet<>();
        trust.statements().forEach(s -> s.actions().forEach(a -> actions.add(a.text())));
        assertThat(actions).containsExactlyInAnyOrder("sts:AssumeRole", "sts:SetSourceIdentity");
    }

    @Test
    void theAuditRoleIsNamedForTheRunnerAndLimitsSessionsToAnHour() {
        // when
        JsonNode role = auditStack().resource("AuditRole").path("Properties");

        // then
        assertThat(role.path("RoleName").asText()).isEqualTo("IamAuditRole");
        assertThat(role.path("MaxSessionDuration").asInt()).isEqualTo(3600);
        assertThat(role.has("ManagedPolicyArns")).as("no managed policy may widen the role").isFalse();
        assertThat(role.path("Policies")).hasSize(1);
        assertThat(template("audit-role-stackset.yaml").raw().path("Parameters").path("ExternalId")
                .path("NoEcho").asBoolean()).isTrue();
    }

    @Test
    void theRunnerRoleIsAssumableByEcsTasksAndByEc2OnlyWhenAsked() {
        // when
        JsonNode ecsOnly = runnerStack(false).resource("RunnerRole").path("Properties").path("AssumeRolePolicyDocument");
        CfnTemplate.Rendered withEc2 = template("runner-role.yaml").render(Map.of("ReportBucket", BUCKET,
                "AllowEc2InstanceProfile", "true"));

        // then
        assertThat(ecsOnly.path("Statement")).extracting(s -> s.path("Principal").path("Service").asText())
                .containsExactly("ecs-tasks.amazonaws.com");
        assertThat(ecsOnly.path("Statement").get(0).path("Condition").path("StringEquals")
                .path("aws:SourceAccount").asText()).isEqualTo(CfnTemplate.ACCOUNT);
        assertThat(runnerStack(false).resources().has("RunnerInstanceProfile")).isFalse();
        assertThat(withEc2.resource("RunnerRole").path("Properties").path("AssumeRolePolicyDocument")
                .path("Statement")).extracting(s -> s.path("Principal").path("Service").asText())
                .containsExactly("ecs-tasks.amazonaws.com", "ec2.amazonaws.com");
        assertThat(withEc2.resources().has("RunnerInstanceProfile")).isTrue();
    }

    @Test
    void theTemplateRendererRejectsAReferenceToSomethingUndeclared(@TempDir Path dir) throws IOException {
        // given
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, """
                Parameters:
                  ReportBucket: {Type: String}
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      Description:
                        Fn::Sub: "arn:${AWS::Partition}:s3:::${ReportBuckett}"
                """);

        // then
        assertThatThrownBy(() -> CfnTemplate.load(typo).render(Map.of("ReportBucket", BUCKET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ReportBuckett");
        assertThatThrownBy(() -> template("runner-role.yaml").render(Map.of("ReportBuckt", BUCKET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ReportBuckt");
        assertThatThrownBy(() -> template("runner-role.yaml").render(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ReportBucket");
    }

    private static Map<String, Statement> bySid(PolicyDocument doc) {
        return doc.statements().stream().collect(Collectors.toMap(Statement::sid, Function.identity()));
    }
}
