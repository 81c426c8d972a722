package io.iamaudit.collect;

import io.iamaudit.discover.AccountFilter;
import io.iamaudit.discover.DiscoveredAccount;
import io.iamaudit.discover.DiscoveryResult;
import io.iamaudit.discover.OrganizationDiscovery;
import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Collection against the sandbox organization (fidelity scenario), which serves what moto cannot: Access Advisor
 * jobs that take time, Access Analyzer with a delegated administrator, throttling and denied AssumeRole.
 */
class SandboxCollectTest {

    private static final String MANAGEMENT = "100000000001";
    private static final String MEMBER = "100000000002";

    private static SandboxServer sandbox;
    private AwsClientFactory factory;
    private final AssumeRoleSettings role = new AssumeRoleSettings(null, null, "auditor", "run-1");

    @BeforeAll
    static void startSandbox() {
        // reports and jobs take a moment, so the collectors really have to poll
        sandbox = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant().withDelays(150, 250), 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void openFactory() {
        factory = new AwsClientFactory(settings(8));
    }

    @AfterEach
    void clearFaults() {
        factory.close();
        sandbox.faults().clear();
    }

    @Test
    void discoversTheOrganizationAndCollectsEachAccountWithLastAccessedAndAnalyzerFindings() {
        try (AccountSession management = AccountSession.direct(factory, MANAGEMENT)) {
            // a tag filter matching nothing: tags are read only when a filter needs them
            DiscoveryResult org = new OrganizationDiscovery(management.clients().organizations())
                    .discover(new AccountFilter(null, null, null, null, null, Map.of("env", "none")));
            assertThat(org.managementAccountId()).isEqualTo(MANAGEMENT);
            assertThat(org.accounts()).extracting(a -> a.account().accountId() + " " + a.account().ouPath())
                    .containsExactlyInAnyOrder(MANAGEMENT + " Root", MEMBER + " Root/Workloads");
            assertThat(org.accounts()).allMatch(DiscoveredAccount::audited);
            AccountRef member = org.accounts().stream().map(DiscoveredAccount::account)
                    .filter(a -> a.accountId().equals(MEMBER)).findFirst().orElseThrow();
            assertThat(member.tags()).containsEntry("env", "prod");

            try (OrgAnalyzers analyzers = new OrgAnalyzerLocator().locate(management, this::open)) {
                assertThat(analyzers.ownerAccountId()).isEqualTo(MANAGEMENT);
                assertThat(analyzers.analyzers()).extracting(AccessAnalyzerState.Analyzer::type)
                        .containsExactlyInAnyOrder("ORGANIZATION", "ORGANIZATION_UNUSED_ACCESS");

                AccountCollection memberCollection = collect(member, analyzers);
                AccountSnapshot memberSnapshot = memberCollection.snapshot();
                AccountCollection managementCollection = collect(org.accounts().stream()
                        .map(DiscoveredAccount::account).filter(a -> a.accountId().equals(MANAGEMENT))
                        .findFirst().orElseThrow(), analyzers);
                AccountSnapshot managementSnapshot = managementCollection.snapshot();

                // Access Analyzer: the organization analyzers' findings on each account's own resources
                assertThat(memberSnapshot.accessAnalyzer().get()).hasValueSatisfying(state -> {
                    assertThat(state.coveredBy("ORGANIZATION")).isTrue();
                    assertThat(state.findings()).extracting(AnalyzerFinding::findingType)
                            .containsExactlyInAnyOrder("ExternalAccess", "UnusedIAMUserAccessKey");
                    AnalyzerFinding external = state.findings().stream()
                            .filter(f -> f.findingType().equals("ExternalAccess")).findFirst().orElseThrow();
                    assertThat(external.id()).isEqualTo("11111111-2222-4333-8444-555555555555");
                    assertThat(external.principal()).containsEntry("AWS", "999999999999");
                    assertThat(external.actions()).containsExactlyInAnyOrder("s3:GetObject", "s3:ListBucket");
                    assertThat(external.resourceOwnerAccount()).isEqualTo(MEMBER);
                    AnalyzerFinding key = state.findings().stream()
                            .filter(f -> f.findingType().equals("UnusedIAMUserAccessKey")).findFirst().orElseThrow();
                    assertThat(key.accessKeyId()).isNotBlank();
                });
                assertThat(memberCollection.awsCalls()).as("the member's findings are the member's calls")
                        .containsEntry("access-analyzer:ListFindingsV2", 2L)
                        .containsEntry("access-analyzer:GetFindingV2", 2L);
                assertThat(managementSnapshot.accessAnalyzer().get()).hasValueSatisfying(state ->
                        assertThat(state.findings()).singleElement().satisfies(f -> {
                            assertThat(f.findingType()).isEqualTo("UnusedPermission");
                            assertThat(f.unusedPermissions()).singleElement().satisfies(p -> {
                                assertThat(p.serviceNamespace()).isEqualTo("s3");
                                assertThat(p.actions()).extracting(AccessAnalyzerState.UnusedAction::action)
                                        .contains("s3:DeleteObject", "s3:PutObject");
                            });
                        }));

                // last accessed: every user and role, polled until the jobs complete
                assertThat(managementSnapshot.lastAccessed().get()).hasValueSatisfying(list -> {
                    assertThat(list).allSatisfy(p -> assertThat(p.error()).isNull());
                    PrincipalLastAccessed alice = list.stream()
                            .filter(p -> p.principalArn().equals("arn:aws:iam::" + MANAGEMENT + ":user/alice"))
                            .findFirst().orElseThrow();
                    ServiceLastAccessed s3 = alice.services().stream()
                            .filter(s -> s.serviceNamespace().equals("s3")).findFirst().orElseThrow();
                    assertThat(s3.lastAuthenticated()).isNotNull();
                    assertThat(s3.trackedActions()).extracting(ServiceLastAccessed.ActionLastAccessed::actionName)
                            .contains("GetObject", "PutObject");
                    assertThat(list).anySatisfy(p -> assertThat(p.principalArn()).endsWith(":role/deployer"));
                });
                assertThat(managementCollection.awsCalls().get("iam:GetServiceLastAccessedDetails"))
                        .as("jobs were still running at the first read").isGreaterThan(
                                managementCollection.awsCalls().get("iam:GenerateServiceLastAccessedDetails"));

                // authorization details in pages of two, AWS managed policies in use arriving with their documents
                assertThat(managementCollection.awsCalls().get("iam:GetAccountAuthorizationDetails"))
                        .isGreaterThanOrEqualTo(3L);
                assertThat(managementSnapshot.authorization().get()).hasValueSatisfying(a -> {
                    assertThat(a.users()).extracting(u -> u.userName()).containsExactlyInAnyOrder("alice", "ci-bot");
                    assertThat(a.policy("arn:aws:iam::aws:policy/AdministratorAccess")).hasValueSatisfying(p ->
                            assertThat(p.defaultDocument()).startsWith("{").contains("\"*\""));
                    assertThat(a.policy("arn:aws:iam::" + MANAGEMENT + ":policy/deploy-policy"))
                            .hasValueSatisfying(p -> assertThat(p.defaultDocument()).contains("lambda:CreateFunction"));
                });

                // and the rest of the account as the scenario wrote it
                assertThat(managementCollection.failures()).isEmpty();
                assertThat(managementSnapshot.passwordPolicy().get()).hasValueSatisfying(p ->
                        assertThat(p).hasValueSatisfying(policy ->
                                assertThat(policy.minimumPasswordLength()).isEqualTo(14)));
                assertThat(managementSnapshot.credentialReport().get()).hasValueSatisfying(r ->
                        assertThat(r.root()).isPresent());
                assertThat(managementSnapshot.serverCertificates().get()).hasValueSatisfying(c ->
                        assertThat(c).singleElement().satisfies(cert ->
                                assertThat(cert.name()).isEqualTo("legacy-portal")));
                assertThat(memberSnapshot.passwordPolicy().get()).hasValue(java.util.Optional.empty());
            }
        }
    }

    @Test
    void throttledCallsAreRetriedCountedAndTheCollectionCompletes() {
        long throttlesBefore = sandbox.stats().totalThrottles();
        sandbox.faults().throttleRate("iam", 0.3);
        AccountRef member = new AccountRef(MEMBER, "fidelity-member", null, "ACTIVE", "Root/Workloads", Map.of());

        AccountCollection collection = collect(member, OrgAnalyzers.none("not needed"));

        assertThat(collection.failures()).isEmpty();
        long throttled = collection.throttledCalls().values().stream().mapToLong(Long::longValue).sum();
        assertThat(throttled).isPositive().isEqualTo(sandbox.stats().totalThrottles() - throttlesBefore);
        assertThat(collection.awsCalls().keySet()).containsAll(collection.throttledCalls().keySet());
        collection.throttledCalls().forEach((operation, count) ->
                assertThat(collection.awsCalls().get(operation)).isGreaterThan(count));
    }

    @Test
    void deniedAssumeRoleStopsTheAccountWithAwsReason() {
        sandbox.faults().denyAssumeRole(MEMBER);

        assertThatThrownBy(() -> open(MEMBER))
                .isInstanceOfSatisfying(AccountAccessException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.accountId()).isEqualTo(MEMBER);
                    assertThat(e.getMessage()).contains("arn:aws:iam::" + MEMBER + ":role/OrganizationAccountAccessRole");
                });
    }

    @Test
    void aPartitionTurnsEachAccountIntoItsCoverageRow() {
        sandbox.faults().denyAssumeRole(MEMBER);
        AccountPartition partition = new AccountPartition(factory, new AccountCollector(settings(), Clock.systemUTC()),
                role, MANAGEMENT, Clock.systemUTC());
        AccountRef member = new AccountRef(MEMBER, "fidelity-member", null, "ACTIVE", "Root/Workloads", Map.of());
        AccountRef management = new AccountRef(MANAGEMENT, "fidelity-management", null, "ACTIVE", "Root", Map.of());

        AccountPartition.Result denied = partition.collect("run-1", member, OrgAnalyzers.none("not needed"));
        AccountPartition.Result audited = partition.collect("run-1", management, OrgAnalyzers.none("not needed"));

        assertThat(denied.snapshot()).isNull();
        assertThat(denied.coverage().status()).isEqualTo(AccountCoverage.Status.FAILED);
        assertThat(denied.coverage().reason()).startsWith("account " + MEMBER + ": AccessDenied: cannot assume");
        assertThat(denied.coverage().awsCalls()).containsEntry("sts:AssumeRole", 1L);
        assertThat(audited.coverage().status()).isEqualTo(AccountCoverage.Status.AUDITED);
        assertThat(audited.coverage().awsCalls()).doesNotContainKey("sts:AssumeRole")
                .containsEntry("iam:GetAccountSummary", 1L);
        assertThat(audited.snapshot().account()).isEqualTo(management);
    }

    @Test
    void anAccountWhereEveryCallFailsIsReportedInaccessible() {
        try (AwsClientFactory impatient = new AwsClientFactory(settings(1))) {
            sandbox.faults().failAccount(MEMBER);
            AccountRef member = new AccountRef(MEMBER, "fidelity-member", null, "ACTIVE", "Root/Workloads", Map.of());

            try (AccountSession session = AccountSession.open(impatient, MEMBER, MANAGEMENT, role)) {
                assertThatThrownBy(() -> new AccountCollector(settings(), Clock.systemUTC())
                        .collect(session, member, OrgAnalyzers.none("not needed")))
                        .isInstanceOf(AccountAccessException.class)
                        .hasMessageContaining("no data set could be collected");
            }
        }
    }

    private AccountCollection collect(AccountRef account, OrgAnalyzers analyzers) {
        try (AccountSession session = open(account.accountId())) {
            return new AccountCollector(settings(), Clock.systemUTC()).collect(session, account, analyzers);
        }
    }

    private AccountSession open(String accountId) {
        return AccountSession.open(factory, accountId, MANAGEMENT, role);
    }

    private static CollectorSettings settings() {
        return new CollectorSettings(poller(), poller(), 2);
    }

    private static Poller poller() {
        return new Poller(Duration.ofMillis(50), Duration.ofMillis(200), 2.0, Duration.ofSeconds(20),
                d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    private AwsSettings settings(int maxAttempts) {
        SandboxCredentials c = sandbox.managementCredentials();
        return new AwsSettings(Region.US_EAST_1, sandbox.endpoint(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())), maxAttempts, RetryMode.STANDARD,
                Duration.ofMillis(5));
    }
}
