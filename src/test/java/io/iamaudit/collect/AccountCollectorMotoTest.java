package io.iamaudit.collect;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamUser;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MotoServerExtension.class)
class AccountCollectorMotoTest {

    private static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");

    @Test
    void collectsAMemberAccountAndKeepsEachDataSetsOutcome(MotoServer moto) {
        try (AwsClientFactory factory = MotoWorld.factory(moto);
             AccountSession management = AccountSession.direct(factory, MotoWorld.MANAGEMENT_ACCOUNT)) {
            // given a member account with a user, a key and a password policy
            String member = MotoWorld.organizationWithMember(management.clients().organizations());
            AccountRef account = new AccountRef(member, "member", "member@example.com", "ACTIVE", "Root", Map.of());
            AssumeRoleSettings role = AssumeRoleSettings.forRun("run-1");
            try (AccountSession setup = AccountSession.open(factory, member, MotoWorld.MANAGEMENT_ACCOUNT, role)) {
                setup.clients().iam().createUser(r -> r.userName("alice"));
                setup.clients().iam().createAccessKey(r -> r.userName("alice"));
                setup.clients().iam().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(16));
            }
            OrgAnalyzers org = new OrgAnalyzerLocator().locate(management,
                    id -> AccountSession.open(factory, id, MotoWorld.MANAGEMENT_ACCOUNT, role));
            // moto has no Account Management ListRegions: the region is configured, and moto's Secrets Manager answers
            CollectorSettings settings = new CollectorSettings(fastPoller(), fastPoller(), 100)
                    .withRegions(java.util.List.of("us-east-1"));

            // when
            AccountCollection collection;
            try (AccountSession session = AccountSession.open(factory, member, MotoWorld.MANAGEMENT_ACCOUNT, role)) {
                collection = new AccountCollector(settings, Clock.fixed(NOW, ZoneOffset.UTC))
                        .collect(session, account, org);
            }

            // then what moto serves is collected, from the member account
            AccountSnapshot snapshot = collection.snapshot();
            assertThat(snapshot.account()).isEqualTo(account);
            assertThat(snapshot.collectedAt()).isEqualTo(NOW);
            assertThat(snapshot.authorization().get()).hasValueSatisfying(a -> {
                assertThat(a.users()).extracting(IamUser::arn)
                        .containsExactly("arn:aws:iam::" + member + ":user/alice");
                assertThat(a.roles()).extracting(r -> r.roleName()).contains("OrganizationAccountAccessRole");
            });
            assertThat(snapshot.credentialReport().get()).hasValueSatisfying(r ->
                    assertThat(r.users().toList()).singleElement().satisfies(row -> {
                        assertThat(row.user()).isEqualTo("alice");
                        assertThat(row.activeKeys()).hasSize(1);
                    }));
            assertThat(snapshot.passwordPolicy().get()).hasValueSatisfying(p ->
                    assertThat(p).hasValueSatisfying(policy ->
                            assertThat(policy.minimumPasswordLength()).isEqualTo(16)));
            assertThat(snapshot.summary().get()).hasValueSatisfying(s ->
                    assertThat(s.summaryMap()).containsEntry("Users", 1));
            assertThat(snapshot.identityProviders().get()).hasValue(java.util.List.of());
            assertThat(snapshot.virtualMfaDevices().missing()).isFalse();
            assertThat(snapshot.serverCertificates().missing()).isFalse();

            // moto implements neither Access Advisor nor Access Analyzer: the gaps are recorded, not hidden
            assertThat(snapshot.lastAccessed().get()).hasValueSatisfying(list -> assertThat(list)
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.error()).startsWith("GenerateServiceLastAccessedDetails failed")));
            assertThat(org.analyzers()).isEmpty();
            assertThat(org.note()).isNotBlank();
            assertThat(snapshot.accessAnalyzer().missing()).isTrue();
            assertThat(collection.failures()).containsOnlyKeys("accessAnalyzer");
            assertThat(snapshot.secrets().value().regions()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(io.iamaudit.stage.SecretsInventory.RegionStatus.READ));

            // and every call was counted for this account, AssumeRole included
            assertThat(collection.awsCalls()).containsEntry("sts:AssumeRole", 1L)
                    .containsEntry("iam:GetAccountAuthorizationDetails", 1L)
                    .containsEntry("iam:GetAccountSummary", 1L)
                    .containsEntry("iam:GetAccountPasswordPolicy", 1L)
                    .containsEntry("iam:GetCredentialReport", 1L)
                    .containsKey("access-analyzer:ListAnalyzers")
                    // the last-accessed principals come from the authorization details, not extra list calls
                    .doesNotContainKeys("iam:ListUsers", "iam:ListRoles");
            assertThat(collection.awsCalls().get("iam:GenerateServiceLastAccessedDetails"))
                    .as("two principals, two attempts each").isEqualTo(4L);
            AccountCoverage coverage = collection.coverage("run-1");
            assertThat(coverage.status()).isEqualTo(AccountCoverage.Status.AUDITED);
            assertThat(coverage.reason()).startsWith("accessAnalyzer: ");
            assertThat(coverage.totalCalls()).isEqualTo(collection.awsCalls().values().stream()
                    .mapToLong(Long::longValue).sum());
        }
    }

    private static Poller fastPoller() {
        return new Poller(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, Duration.ofSeconds(10),
                d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }
}
