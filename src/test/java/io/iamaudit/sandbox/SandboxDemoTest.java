package io.iamaudit.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organization as the collectors will see it: the clean account is clean, the planted issues show. */
class SandboxDemoTest {

    static SandboxServer server;
    static SandboxClients mgmt;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.demo());
        mgmt = SandboxClients.management(server);
    }

    @AfterAll
    static void stop() {
        mgmt.close();
        server.close();
    }

    @Test
    void everyRoleOfTheCleanAccountUsesWhatItIsGranted() {
        try (SandboxClients clean = mgmt.assume(server, "888888888888")) {
            IamClient iam = clean.iam();
            List<RoleDetail> roles = iam.getAccountAuthorizationDetails(r -> r.filter(
                    software.amazon.awssdk.services.iam.model.EntityType.ROLE)).roleDetailList();
            assertThat(roles).hasSize(5);
            for (RoleDetail role : roles) {
                assertThat(role.roleLastUsed().lastUsedDate()).as(role.roleName())
                        .isAfter(Instant.now().minus(Duration.ofDays(45)));
                String job = iam.generateServiceLastAccessedDetails(r -> r.arn(role.arn())
                        .granularity(AccessAdvisorUsageGranularityType.ACTION_LEVEL)).jobId();
                List<ServiceLastAccessed> services = iam.getServiceLastAccessedDetails(r -> r.jobId(job))
                        .servicesLastAccessed();
                assertThat(services).as(role.roleName()).isNotEmpty().allSatisfy(s -> {
                    assertThat(s.lastAuthenticated()).as(role.roleName() + " " + s.serviceNamespace()).isNotNull();
                    s.trackedActionsLastAccessed().forEach(a -> assertThat(a.lastAccessedTime())
                            .as(role.roleName() + " " + a.actionName()).isNotNull());
                });
            }
            assertThat(iam.listUsers().users()).isEmpty();
            assertThat(iam.getAccountSummary().summaryMapAsStrings()).containsEntry("AccountMFAEnabled", 0)
                    .containsEntry("AccountAccessKeysPresent", 0);
        }
    }

    @Test
    void prodShowsItsPlantedCredentialIssues() {
        try (SandboxClients prod = mgmt.assume(server, "444444444444")) {
            IamClient iam = prod.iam();
            iam.generateCredentialReport();
            List<String> rows = iam.getCredentialReport().content().asString(StandardCharsets.UTF_8).lines().toList();
            assertThat(rows.get(1)).startsWith("<root_account>,").contains(",false,true,");
            String bot = rows.stream().filter(r -> r.startsWith("deploy-bot,")).findFirst().orElseThrow();
            String[] c = bot.split(",");
            assertThat(c[8]).isEqualTo("true");
            assertThat(c[13]).isEqualTo("true");
            assertThat(c[15]).as("second key never used").isEqualTo("N/A");
            assertThat(iam.listServerCertificates().serverCertificateMetadataList())
                    .anySatisfy(cert -> assertThat(cert.expiration()).isBefore(Instant.now()));
            assertThat(iam.getAccountAuthorizationDetails().roleDetailList())
                    .anySatisfy(r -> assertThat(r.path()).startsWith("/aws-service-role/"))
                    .anySatisfy(r -> assertThat(r.path()).isEqualTo("/aws-reserved/sso.amazonaws.com/"));
        }
    }
}
