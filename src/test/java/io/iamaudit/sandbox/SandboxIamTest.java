package io.iamaudit.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.UserDetail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SandboxIamTest {

    static SandboxServer server;
    static SandboxClients mgmt;
    static IamClient iam;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.fidelity());
        mgmt = SandboxClients.management(server);
        iam = mgmt.iam();
    }

    @AfterAll
    static void stop() {
        mgmt.close();
        server.close();
    }

    @Test
    void authorizationDetailsPageAcrossMarkersAndCarryEveryEntity() {
        GetAccountAuthorizationDetailsResponse first = iam.getAccountAuthorizationDetails(r -> r.maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();

        List<UserDetail> users = new ArrayList<>();
        List<RoleDetail> roles = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        int pages = 0;
        for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(2))) {
            users.addAll(page.userDetailList());
            roles.addAll(page.roleDetailList());
            policies.addAll(page.policies());
            pages++;
        }

        assertThat(pages).isGreaterThan(2);
        assertThat(users).extracting(UserDetail::userName).containsExactly("alice", "ci-bot");
        UserDetail alice = users.get(0);
        assertThat(alice.groupList()).containsExactly("Admins");
        assertThat(alice.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=platform");
        String inline = alice.userPolicyList().get(0).policyDocument();
        assertThat(inline).startsWith("%7B%22Version%22").doesNotContain("+").doesNotContain("*");
        assertThat(URLDecoder.decode(inline, StandardCharsets.UTF_8)).contains("\"Action\":\"s3:GetObject\"");
        assertThat(users.get(1).path()).isEqualTo("/ci/");
        assertThat(users.get(1).arn()).isEqualTo("arn:aws:iam::100000000001:user/ci/ci-bot");

        RoleDetail deployer = roles.stream().filter(r -> r.roleName().equals("deployer")).findFirst().orElseThrow();
        assertThat(deployer.roleLastUsed().region()).isEqualTo("eu-west-1");
        assertThat(Duration.between(deployer.roleLastUsed().lastUsedDate(), Instant.now()).toDays()).isEqualTo(5);
        assertThat(URLDecoder.decode(deployer.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("lambda.amazonaws.com");

        ManagedPolicyDetail deploy = policies.stream().filter(p -> p.policyName().equals("deploy-policy")).findFirst()
                .orElseThrow();
        assertThat(deploy.defaultVersionId()).isEqualTo("v2");
        assertThat(deploy.attachmentCount()).isEqualTo(2);
        assertThat(deploy.policyVersionList()).hasSize(2);
        assertThat(deploy.policyVersionList()).filteredOn(v -> v.isDefaultVersion()).singleElement()
                .satisfies(v -> assertThat(URLDecoder.decode(v.document(), StandardCharsets.UTF_8)).contains("iam:PassRole"));
        ManagedPolicyDetail admin = policies.stream().filter(p -> p.policyName().equals("AdministratorAccess"))
                .findFirst().orElseThrow();
        assertThat(admin.arn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(URLDecoder.decode(admin.policyVersionList().get(0).document(), StandardCharsets.UTF_8))
                .contains("\"Action\":\"*\"");
    }

    @Test
    void authorizationDetailsFilterSelectsEntityTypes() {
        GetAccountAuthorizationDetailsResponse r = iam.getAccountAuthorizationDetails(b -> b
                .filter(EntityType.AWS_MANAGED_POLICY));

        assertThat(r.userDetailList()).isEmpty();
        assertThat(r.roleDetailList()).isEmpty();
        assertThat(r.policies()).isNotEmpty().allSatisfy(p -> assertThat(p.arn()).startsWith("arn:aws:iam::aws:policy/"));
    }

    @Test
    void passwordPolicyExistsInOneAccountAndIsNoSuchEntityInTheOther() {
        var policy = iam.getAccountPasswordPolicy().passwordPolicy();
        assertThat(policy.minimumPasswordLength()).isEqualTo(14);
        assertThat(policy.expirePasswords()).isTrue();
        assertThat(policy.maxPasswordAge()).isEqualTo(90);

        try (SandboxClients member = mgmt.assume(server, "100000000002")) {
            assertThatThrownBy(() -> member.iam().getAccountPasswordPolicy())
                    .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
                    });
        }
    }

    @Test
    void accountSummaryReflectsRootAndEntities() {
        Map<SummaryKeyType, Integer> mgmtSummary = iam.getAccountSummary().summaryMap();
        assertThat(mgmtSummary).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0)
                .containsEntry(SummaryKeyType.USERS, 2).containsEntry(SummaryKeyType.ROLES, 1)
                .containsEntry(SummaryKeyType.USERS_QUOTA, 5000);
        try (SandboxClients member = mgmt.assume(server, "100000000002")) {
            Map<SummaryKeyType, Integer> m = member.iam().getAccountSummary().summaryMap();
            assertThat(m).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
                    .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1)
                    .containsEntry(SummaryKeyType.ROLES, 1);
        }
    }

    @Test
    void providersMfaCertificatesUsersAndRoles() {
        assertThat(iam.listSAMLProviders().samlProviderList()).singleElement()
                .satisfies(p -> assertThat(p.arn()).isEqualTo("arn:aws:iam::100000000001:saml-provider/CorpIdP"));
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
        assertThat(iam.listVirtualMFADevices().virtualMFADevices()).singleElement()
                .satisfies(d -> assertThat(d.user().userName()).isEqualTo("alice"));
        assertThat(iam.listServerCertificates().serverCertificateMetadataList()).singleElement()
                .satisfies(c -> assertThat(c.expiration()).isBefore(Instant.now()));
        assertThat(iam.listUsersPaginator(r -> r.maxItems(1)).users()).extracting(u -> u.userName())
                .containsExactly("alice", "ci-bot");
        assertThat(iam.listUsers().users().get(0).passwordLastUsed()).isCloseTo(
                Instant.now().minus(Duration.ofDays(2)), within(Duration.ofMinutes(5)));
        assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).containsExactly("deployer");
        assertThat(iam.listAccessKeys(r -> r.userName("ci-bot")).accessKeyMetadata())
                .extracting(k -> k.statusAsString()).containsExactly("Active", "Inactive");
    }

    @Test
    void rootsVirtualMfaIsListedWhenTheScenarioSaysSo() {
        try (SandboxServer demo = SandboxServer.start(Scenarios.demo());
             SandboxClients c = SandboxClients.management(demo)) {
            assertThat(c.iam().listVirtualMFADevices().virtualMFADevices())
                    .anySatisfy(d -> {
                        assertThat(d.serialNumber()).endsWith(":mfa/root-account-mfa-device");
                        assertThat(d.user().arn()).isEqualTo("arn:aws:iam::111111111111:root");
                    });
        }
    }
}
