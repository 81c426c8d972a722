package io.iamaudit.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;
import software.amazon.awssdk.services.accessanalyzer.model.FindingSummaryV2;
import software.amazon.awssdk.services.accessanalyzer.model.GetFindingV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.ListFindingsV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.accessanalyzer.model.Type;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxAccessAnalyzerTest {

    static final String ADMIN = "222222222222";
    static SandboxServer server;
    static SandboxClients mgmt;
    static SandboxClients admin;
    static AccessAnalyzerClient aa;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.demo());
        mgmt = SandboxClients.management(server);
        admin = mgmt.assume(server, ADMIN);
        aa = admin.accessAnalyzer();
    }

    @AfterAll
    static void stop() {
        admin.close();
        mgmt.close();
        server.close();
    }

    static String arn(String name) {
        return "arn:aws:access-analyzer:us-east-1:" + ADMIN + ":analyzer/" + name;
    }

    @Test
    void organizationAnalyzersLiveInTheDelegatedAdministrator() {
        List<AnalyzerSummary> all = aa.listAnalyzers(r -> { }).analyzers();
        assertThat(all).extracting(AnalyzerSummary::name).containsExactly("org-external-access", "org-unused-access");
        assertThat(aa.listAnalyzers(r -> r.type(Type.ORGANIZATION_UNUSED_ACCESS)).analyzers()).singleElement()
                .satisfies(a -> {
                    assertThat(a.arn()).isEqualTo(arn("org-unused-access"));
                    assertThat(a.configuration().unusedAccess().unusedAccessAge()).isEqualTo(90);
                    assertThat(a.configuration().unusedAccess().analysisRule().exclusions().get(0).accountIds())
                            .containsExactly("666666666666");
                    assertThat(a.createdAt()).isNotNull();
                });
        assertThat(aa.getAnalyzer(r -> r.analyzerName("org-external-access")).analyzer().typeAsString())
                .isEqualTo("ORGANIZATION");
        assertThatThrownBy(() -> aa.getAnalyzer(r -> r.analyzerName("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(mgmt.accessAnalyzer().listAnalyzers(r -> { }).analyzers()).as("none in the management account").isEmpty();
    }

    @Test
    void findingsV2FilterAndPage() {
        Map<String, Criterion> active = Map.of("status", Criterion.builder().eq("ACTIVE").build());
        ListFindingsV2Response first = aa.listFindingsV2(r -> r.analyzerArn(arn("org-unused-access"))
                .filter(active).maxResults(2));
        assertThat(first.findings()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();

        List<FindingSummaryV2> all = new ArrayList<>();
        aa.listFindingsV2Paginator(r -> r.analyzerArn(arn("org-unused-access")).filter(active).maxResults(2))
                .forEach(p -> all.addAll(p.findings()));
        long expected = server.scenario().findings().stream()
                .filter(f -> f.analyzer().equals("org-unused-access") && f.status().equals("ACTIVE")).count();
        assertThat(all).hasSize((int) expected).allSatisfy(f -> assertThat(f.statusAsString()).isEqualTo("ACTIVE"));

        List<FindingSummaryV2> prodRoles = aa.listFindingsV2(r -> r.analyzerArn(arn("org-unused-access"))
                .filter(Map.of("findingType", Criterion.builder().eq("UnusedIAMRole").build(),
                        "resourceOwnerAccount", Criterion.builder().eq("444444444444").build()))).findings();
        assertThat(prodRoles).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("arn:aws:iam::444444444444:role/legacy-admin-role");
            assertThat(f.resourceTypeAsString()).isEqualTo("AWS::IAM::Role");
            assertThat(f.createdAt()).isNotNull();
        });
    }

    @Test
    void getFindingV2CarriesTheDetailsUnion() {
        FindingSummaryV2 unusedPermission = aa.listFindingsV2(r -> r.analyzerArn(arn("org-unused-access"))
                .filter(Map.of("resource", Criterion.builder().eq("arn:aws:iam::444444444444:role/app-runtime").build())))
                .findings().get(0);
        GetFindingV2Response f = aa.getFindingV2(r -> r.analyzerArn(arn("org-unused-access")).id(unusedPermission.id()));
        assertThat(f.findingTypeAsString()).isEqualTo("UnusedPermission");
        assertThat(f.findingDetails()).hasSize(2);
        assertThat(f.findingDetails().get(0).unusedPermissionDetails().serviceNamespace()).isEqualTo("dynamodb");
        assertThat(f.findingDetails().get(0).unusedPermissionDetails().lastAccessed()).isNull();
        assertThat(f.findingDetails().get(1).unusedPermissionDetails().actions())
                .extracting(a -> a.action()).contains("s3:DeleteBucket");

        FindingSummaryV2 key = aa.listFindingsV2(r -> r.analyzerArn(arn("org-unused-access"))
                .filter(Map.of("findingType", Criterion.builder().eq("UnusedIAMUserAccessKey").build(),
                        "resource", Criterion.builder().contains("deploy-bot").build()))).findings().get(0);
        GetFindingV2Response keyFinding = aa.getFindingV2(r -> r.analyzerArn(arn("org-unused-access")).id(key.id()));
        assertThat(keyFinding.findingDetails().get(0).unusedIamUserAccessKeyDetails().accessKeyId())
                .contains("SANDBOX");

        FindingSummaryV2 bucket = aa.listFindingsV2(r -> r.analyzerArn(arn("org-external-access"))
                .filter(Map.of("resource", Criterion.builder().eq("arn:aws:s3:::acme-prod-public-assets").build())))
                .findings().get(0);
        var external = aa.getFindingV2(r -> r.analyzerArn(arn("org-external-access")).id(bucket.id()))
                .findingDetails().get(0).externalAccessDetails();
        assertThat(external.isPublic()).isTrue();
        assertThat(external.action()).containsExactly("s3:GetObject");
        assertThat(external.principal()).containsEntry("AWS", "*");
    }

    @Test
    void listFindingsV1OnlyForExternalAccessAnalyzers() {
        assertThat(aa.listFindings(r -> r.analyzerArn(arn("org-external-access"))).findings())
                .isNotEmpty().allSatisfy(f -> assertThat(f.resource()).isNotBlank());
        assertThatThrownBy(() -> aa.listFindings(r -> r.analyzerArn(arn("org-unused-access"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void accountAnalyzersLiveInTheirAccountAndCoverOnlyIt() {
        try (SandboxClients dev = mgmt.assume(server, "555555555555")) {
            AccessAnalyzerClient devAa = dev.accessAnalyzer();
            AnalyzerSummary own = devAa.listAnalyzers(r -> { }).analyzers().get(0);
            assertThat(own.typeAsString()).isEqualTo("ACCOUNT");
            var findings = devAa.listFindings(r -> r.analyzerArn(own.arn())).findings();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.resourceOwnerAccount()).isEqualTo("555555555555");
                assertThat(f.principal()).containsEntry("AWS", "arn:aws:iam::210987654321:root");
                assertThat(f.action()).containsExactly("s3:GetObject", "s3:PutObject");
            });
            assertThat(devAa.getFinding(r -> r.analyzerArn(own.arn()).id(findings.get(0).id())).finding().resource())
                    .isEqualTo("arn:aws:s3:::acme-dev-scratch");
        }
    }

    @Test
    void anotherAccountCannotReadTheAnalyzer() {
        assertThatThrownBy(() -> mgmt.accessAnalyzer().listFindingsV2(r -> r.analyzerArn(arn("org-external-access"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
