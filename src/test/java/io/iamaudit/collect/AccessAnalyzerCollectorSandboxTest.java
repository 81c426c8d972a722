package io.iamaudit.collect;

import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The organization's findings are read against one quota in the delegated administrator, so the collector reads a
 * finding's details only when the account's own IAM data cannot stand in for them (demo organization: acme-prod has
 * an unused role, two unused access keys, an unused password and unused permissions).
 */
class AccessAnalyzerCollectorSandboxTest {

    private static final String MANAGEMENT = "111111111111";
    private static final String PROD = "444444444444";
    private static final String LEGACY_ROLE = "arn:aws:iam::" + PROD + ":role/legacy-admin-role";

    private static SandboxServer sandbox;
    private static AwsClientFactory factory;
    private static final AssumeRoleSettings ROLE = new AssumeRoleSettings(null, null, "auditor", "run-1");

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0);
        SandboxCredentials c = sandbox.managementCredentials();
        factory = new AwsClientFactory(new AwsSettings(Region.US_EAST_1, sandbox.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())),
                3, RetryMode.STANDARD, Duration.ofMillis(5)));
    }

    @AfterAll
    static void stop() {
        factory.close();
        sandbox.close();
    }

    @Test
    void anUnusedRoleFindingIsAnsweredFromTheAuthorizationDetailsWithoutReadingItsDetails() {
        Collected result = collect(true);

        AnalyzerFinding role = result.finding("UnusedIAMRole");
        IamRole iamRole = result.authorization().roles().stream().filter(r -> r.arn().equals(LEGACY_ROLE))
                .findFirst().orElseThrow();
        assertThat(role.resource()).isEqualTo(LEGACY_ROLE);
        assertThat(role.lastAccessed()).isEqualTo(iamRole.lastUsedDate())
                .isCloseTo(Instant.now().minus(200, ChronoUnit.DAYS), within(2, ChronoUnit.DAYS));
        // the other types still need their details: the key's id, the unused actions, the password's last use
        assertThat(result.finding("UnusedPermission").unusedPermissions()).isNotEmpty();
        assertThat(result.finding("UnusedIAMUserAccessKey").accessKeyId()).isNotBlank();
        long findings = result.state().findings().size();
        assertThat(result.getFindingCalls()).isEqualTo(findings - 1);
    }

    @Test
    void withoutTheAuthorizationDetailsEveryFindingsDetailsAreRead() {
        Collected without = collect(false);
        Collected with = collect(true);

        assertThat(without.getFindingCalls()).isEqualTo(without.state().findings().size());
        // the same findings, the same last use of the role, whichever way it was learnt
        assertThat(without.state().findings()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(with.state().findings());
    }

    private record Collected(AccessAnalyzerState state, AuthorizationDetails authorization, long getFindingCalls) {
        AnalyzerFinding finding(String type) {
            return state.findings().stream().filter(f -> f.findingType().equals(type)).findFirst().orElseThrow();
        }
    }

    private static Collected collect(boolean withAuthorization) {
        try (AccountSession management = AccountSession.direct(factory, MANAGEMENT);
             OrgAnalyzers org = new OrgAnalyzerLocator().locate(management,
                     id -> AccountSession.open(factory.forSharedQuota(), id, MANAGEMENT, ROLE));
             AccountSession prod = AccountSession.open(factory, PROD, MANAGEMENT, ROLE)) {
            AuthorizationDetails authorization = new AuthorizationDetailsCollector(prod.clients().iam()).collect();
            AccessAnalyzerState state = new AccessAnalyzerCollector(org, prod, PROD,
                    withAuthorization ? authorization : null).collect();
            assertThat(state.findings()).extracting(AnalyzerFinding::findingType).containsAll(List.of(
                    "UnusedIAMRole", "UnusedPermission", "UnusedIAMUserAccessKey"));
            return new Collected(state, authorization,
                    prod.counter().counts().getOrDefault("access-analyzer:GetFindingV2", 0L));
        }
    }
}
