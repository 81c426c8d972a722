package io.iamaudit.collect;

import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.IdentityProvider;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-data-set collectors against moto's IAM, in the account of the base credentials. */
@ExtendWith(MotoServerExtension.class)
class IamCollectorsMotoTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket with space/*\"}]}";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private AwsClientFactory factory;
    private AccountSession session;
    private IamClient iam;

    @BeforeEach
    void openSession(MotoServer moto) {
        factory = MotoWorld.factory(moto);
        session = AccountSession.direct(factory, MotoWorld.MANAGEMENT_ACCOUNT);
        iam = session.clients().iam();
    }

    @AfterEach
    void closeSession() {
        session.close();
        factory.close();
    }

    @Test
    void credentialReportListsTheUsersDespiteMotosQuirks() {
        iam.createUser(r -> r.userName("alice"));
        iam.createUser(r -> r.userName("bob"));
        iam.createAccessKey(r -> r.userName("bob"));
        Poller fast = new Poller(Duration.ofMillis(20), Duration.ofMillis(100), 2.0, Duration.ofSeconds(10),
                d -> Thread.sleep(d.toMillis()), System::nanoTime);

        CredentialReport report = new CredentialReportCollector(iam, fast).collect();

        // moto quirk: its report has no <root_account> row, and writes not_supported in some columns
        assertThat(report.root()).isEmpty();
        assertThat(report.rows()).extracting(CredentialReportRow::user).containsExactlyInAnyOrder("alice", "bob");
        CredentialReportRow bob = report.users().filter(r -> r.user().equals("bob")).findFirst().orElseThrow();
        assertThat(bob.arn()).isEqualTo("arn:aws:iam::" + MotoWorld.MANAGEMENT_ACCOUNT + ":user/bob");
        assertThat(bob.userCreationTime()).isNotNull();
        assertThat(bob.activeKeys()).hasSize(1);
        assertThat(report.generatedTime()).isNotNull();
        assertThat(session.counter().counts()).containsKey("iam:GenerateCredentialReport")
                .containsEntry("iam:GetCredentialReport", 1L);
    }

    @Test
    void authorizationDetailsCollectsEveryEntityWithDecodedDocuments() {
        iam.createGroup(r -> r.groupName("Admins"));
        String managed = iam.createPolicy(r -> r.policyName("read-bucket").policyDocument(POLICY)).policy().arn();
        iam.attachGroupPolicy(r -> r.groupName("Admins").policyArn(managed));
        for (int i = 0; i < 5; i++) {
            String name = "user" + i;
            iam.createUser(r -> r.userName(name).tags(t -> t.key("team").value("sec")));
            iam.addUserToGroup(r -> r.userName(name).groupName("Admins"));
        }
        iam.putUserPolicy(r -> r.userName("user0").policyName("inline").policyDocument(POLICY));
        for (int i = 0; i < 3; i++) {
            String name = "role" + i;
            iam.createRole(r -> r.roleName(name).path("/ci/").assumeRolePolicyDocument(TRUST));
        }
        iam.attachRolePolicy(r -> r.roleName("role0").policyArn(managed));

        AuthorizationDetails details = new AuthorizationDetailsCollector(iam, 2).collect();

        assertThat(details.users()).extracting(IamUser::userName)
                .containsExactlyInAnyOrder("user0", "user1", "user2", "user3", "user4");
        assertThat(details.roles()).extracting(IamRole::roleName).containsExactlyInAnyOrder("role0", "role1", "role2");
        assertThat(details.groups()).singleElement().satisfies(g ->
                assertThat(g.attachedPolicies()).extracting(a -> a.policyArn()).containsExactly(managed));
        IamUser user0 = details.users().stream().filter(u -> u.userName().equals("user0")).findFirst().orElseThrow();
        assertThat(user0.groups()).containsExactly("Admins");
        assertThat(user0.tags()).containsEntry("team", "sec");
        assertThat(user0.inlinePolicies()).extracting(InlinePolicy::document).singleElement()
                .satisfies(doc -> assertThat(doc).contains("\"s3:GetObject\"").contains("bucket with space"));
        IamRole role0 = details.roles().stream().filter(r -> r.roleName().equals("role0")).findFirst().orElseThrow();
        assertThat(role0.trustPolicy()).contains("ec2.amazonaws.com").startsWith("{");
        assertThat(role0.path()).isEqualTo("/ci/");
        assertThat(role0.attachedPolicies()).extracting(a -> a.policyName()).containsExactly("read-bucket");
        ManagedPolicy policy = details.policy(managed).orElseThrow();
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThat(policy.defaultDocument()).contains("bucket with space").startsWith("{");
        assertThat(policy.defaultVersionCreateDate()).isNotNull();
        assertThat(policy.attachmentCount()).isEqualTo(2);
        // moto ignores MaxItems and answers in one page; paging is covered by AuthorizationDetailsPagingTest
        assertThat(session.counter().counts()).containsEntry("iam:GetAccountAuthorizationDetails", 1L);
    }

    @Test
    void passwordPolicyPresentOrAbsent() {
        PasswordPolicyCollector collector = new PasswordPolicyCollector(iam);

        assertThat(collector.collect()).as("NoSuchEntity means no policy").isEmpty();

        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                .maxPasswordAge(90).passwordReusePrevention(24).allowUsersToChangePassword(true));
        Optional<PasswordPolicy> policy = collector.collect();

        assertThat(policy).hasValueSatisfying(p -> {
            assertThat(p.minimumPasswordLength()).isEqualTo(14);
            assertThat(p.requireSymbols()).isTrue();
            assertThat(p.requireNumbers()).isTrue();
            assertThat(p.requireUppercaseCharacters()).isFalse();
            assertThat(p.maxPasswordAge()).isEqualTo(90);
            assertThat(p.expirePasswords()).isTrue();
            assertThat(p.passwordReusePrevention()).isEqualTo(24);
        });
        assertThat(session.counter().counts()).containsEntry("iam:GetAccountPasswordPolicy", 2L);
    }

    @Test
    void summaryProvidersMfaDevicesAndCertificates() {
        iam.createUser(r -> r.userName("carol"));
        iam.createOpenIDConnectProvider(r -> r.url("https://token.actions.githubusercontent.com")
                .clientIDList("sts.amazonaws.com").thumbprintList("a".repeat(40)));
        iam.createSAMLProvider(r -> r.name("corp-idp").samlMetadataDocument("x".repeat(1000)));
        String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("carol-phone"))
                .virtualMFADevice().serialNumber();
        iam.enableMFADevice(r -> r.userName("carol").serialNumber(serial).authenticationCode1("123456")
                .authenticationCode2("654321"));
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare"));

        assertThat(new AccountSummaryCollector(iam).collect().summaryMap()).containsEntry("Users", 1);
        assertThat(new IdentityProviderCollector(iam).collect())
                .extracting(IdentityProvider::type, IdentityProvider::url)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(IdentityProvider.Type.SAML, null),
                        org.assertj.core.groups.Tuple.tuple(IdentityProvider.Type.OIDC,
                                "https://token.actions.githubusercontent.com"));
        assertThat(new MfaDeviceCollector(iam).collect()).hasSize(2)
                .anySatisfy(d -> assertThat(d.userArn()).endsWith(":user/carol"))
                .anySatisfy(d -> assertThat(d.userArn()).isNull());
        assertThat(new ServerCertificateCollector(iam).collect()).isEmpty();
    }
}
