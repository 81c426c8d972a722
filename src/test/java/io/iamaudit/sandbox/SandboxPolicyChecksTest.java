package io.iamaudit.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;
import software.amazon.awssdk.services.accessanalyzer.model.FindingSummaryV2;
import software.amazon.awssdk.services.accessanalyzer.model.GetFindingRecommendationResponse;
import software.amazon.awssdk.services.accessanalyzer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.accessanalyzer.model.UnusedPermissionsRecommendedStep;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's ValidatePolicy, CheckNoNewAccess and finding recommendations, through the real SDK client. */
class SandboxPolicyChecksTest {

    static final String ADMIN = "222222222222";
    static SandboxServer server;
    static SandboxClients mgmt;
    static SandboxClients admin;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.demo());
        mgmt = SandboxClients.management(server);
        admin = mgmt.assume(server, ADMIN);
    }

    @AfterAll
    static void stop() {
        admin.close();
        mgmt.close();
        server.close();
    }

    static List<ValidatePolicyFinding> validate(String policy) {
        return mgmt.accessAnalyzer().validatePolicy(r -> r.policyType("IDENTITY_POLICY").policyDocument(policy))
                .findings();
    }

    static String allow(String actions, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":" + resource + "}]}";
    }

    @Test
    void validatePolicyPassesAWellFormedPolicyAndNamesEachError() {
        assertThat(validate(allow("[\"s3:GetObject\",\"ec2:Describe*\"]", "\"*\""))).isEmpty();

        assertThat(validate("{\"Version\":\"2012-10-17\",")).singleElement()
                .satisfies(f -> assertThat(f.issueCode()).isEqualTo("JSON_SYNTAX_ERROR"));
        List<ValidatePolicyFinding> typo = validate(allow("[\"s3:GetObjectt\",\"nosuchservice:Get\"]", "\"*\""));
        assertThat(typo).extracting(ValidatePolicyFinding::issueCode).containsExactly("INVALID_ACTION", "INVALID_SERVICE");
        assertThat(typo).allSatisfy(f -> {
            assertThat(f.findingTypeAsString()).isEqualTo("ERROR");
            assertThat(f.learnMoreLink()).startsWith("https://docs.aws.amazon.com/");
            assertThat(f.locations().get(0).path()).extracting(p -> p.value() != null ? p.value() : "" + p.index())
                    .startsWith("Statement", "0", "Action");
        });
        assertThat(typo.get(0).locations().get(0).span().start().offset()).isPositive();
        assertThat(validate("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"s3:GetObject\"}]}"))
                .extracting(ValidatePolicyFinding::issueCode).containsExactlyInAnyOrder("MISSING_EFFECT", "MISSING_RESOURCE");
    }

    @Test
    void passRoleOnEveryResourceIsASecurityWarningNotAnError() {
        assertThat(validate(allow("\"iam:PassRole\"", "\"*\""))).singleElement().satisfies(f -> {
            assertThat(f.findingTypeAsString()).isEqualTo("SECURITY_WARNING");
            assertThat(f.issueCode()).isEqualTo("PASS_ROLE_WITH_STAR_IN_RESOURCE");
        });
        assertThat(validate(allow("\"iam:PassRole\"", "\"arn:aws:iam::111111111111:role/app\""))).isEmpty();
    }

    static CheckNoNewAccessResponse check(String proposed, String existing) {
        return mgmt.accessAnalyzer().checkNoNewAccess(r -> r.policyType("IDENTITY_POLICY")
                .newPolicyDocument(proposed).existingPolicyDocument(existing));
    }

    @Test
    void checkNoNewAccessPassesANarrowingAndFailsAWidening() {
        String original = allow("[\"s3:*\",\"ec2:DescribeInstances\"]", "\"*\"");
        assertThat(check(allow("[\"s3:GetObject\",\"s3:List*\"]", "\"*\""), original).resultAsString()).isEqualTo("PASS");
        assertThat(check(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\""), original).resultAsString())
                .isEqualTo("PASS");

        CheckNoNewAccessResponse wider = check(allow("[\"s3:GetObject\",\"ec2:Describe*\"]", "\"*\""), original);
        assertThat(wider.resultAsString()).isEqualTo("FAIL");
        assertThat(wider.reasons()).singleElement().satisfies(r -> {
            assertThat(r.statementIndex()).isZero();
            assertThat(r.description()).contains("ec2:Describe*");
        });
    }

    @Test
    void checkNoNewAccessFailsWhenUnsureAboutResourcesConditionsAndDenies() {
        String scoped = allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\"");
        assertThat(check(allow("\"s3:GetObject\"", "\"*\""), scoped).resultAsString()).as("wider resource")
                .isEqualTo("FAIL");
        String conditioned = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        assertThat(check(allow("\"s3:GetObject\"", "\"*\""), conditioned).resultAsString()).as("condition dropped")
                .isEqualTo("FAIL");
        String withDeny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}";
        assertThat(check(allow("\"s3:*\"", "\"*\""), withDeny).resultAsString()).as("deny dropped").isEqualTo("FAIL");
        assertThat(check(withDeny, withDeny).resultAsString()).as("the same policy").isEqualTo("PASS");
        assertThatThrownBy(() -> check("not json", withDeny)).isInstanceOf(ValidationException.class);
    }

    @Test
    void findingRecommendationIsAsynchronousAndDerivedFromLastAccessed() {
        AccessAnalyzerClient aa = admin.accessAnalyzer();
        String analyzer = "arn:aws:access-analyzer:us-east-1:" + ADMIN + ":analyzer/org-unused-access";
        FindingSummaryV2 finding = aa.listFindingsV2(r -> r.analyzerArn(analyzer).filter(Map.of("resource",
                Criterion.builder().eq("arn:aws:iam::444444444444:role/app-runtime").build()))).findings().get(0);
        assertThatThrownBy(() -> aa.getFindingRecommendation(r -> r.analyzerArn(analyzer).id(finding.id())))
                .as("nothing generated yet").isInstanceOf(ResourceNotFoundException.class);

        aa.generateFindingRecommendation(r -> r.analyzerArn(analyzer).id(finding.id()));
        GetFindingRecommendationResponse first = aa.getFindingRecommendation(r -> r.analyzerArn(analyzer).id(finding.id()));
        assertThat(first.statusAsString()).isEqualTo("IN_PROGRESS");
        GetFindingRecommendationResponse done = aa.getFindingRecommendation(r -> r.analyzerArn(analyzer).id(finding.id()));
        assertThat(done.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(done.recommendationTypeAsString()).isEqualTo("UnusedPermissionRecommendation");
        assertThat(done.resourceArn()).isEqualTo("arn:aws:iam::444444444444:role/app-runtime");
        assertThat(done.recommendedSteps()).isNotEmpty();
        List<UnusedPermissionsRecommendedStep> steps = done.recommendedSteps().stream()
                .map(s -> s.unusedPermissionsRecommendedStep()).toList();
        String recommended = String.join("\n", steps.stream().map(UnusedPermissionsRecommendedStep::recommendedPolicy)
                .filter(p -> p != null).toList());
        assertThat(recommended).as("dynamodb is never used").doesNotContain("dynamodb:");
        assertThat(recommended).as("s3 is used, its unused tracked actions are dropped")
                .contains("s3:").doesNotContain("s3:DeleteBucket\"");

        FindingSummaryV2 role = aa.listFindingsV2(r -> r.analyzerArn(analyzer).filter(Map.of("findingType",
                Criterion.builder().eq("UnusedIAMRole").build()))).findings().get(0);
        assertThatThrownBy(() -> aa.generateFindingRecommendation(r -> r.analyzerArn(analyzer).id(role.id())))
                .as("only unused-permission findings").isInstanceOf(ValidationException.class);
    }
}
