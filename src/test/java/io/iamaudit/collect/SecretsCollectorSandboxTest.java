package io.iamaudit.collect;

import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.Secret;
import io.iamaudit.stage.SecretsInventory;
import io.iamaudit.stage.SecretsInventory.RegionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets Manager collection against the demo organization in the sandbox: regions from ListRegions or the setting,
 * the fields ListSecrets gives, policies, regions not enabled or denied, and the calls it takes (never GetSecretValue).
 */
class SecretsCollectorSandboxTest {
    private static final String MANAGEMENT = "111111111111";
    private static final String PROD = "444444444444";

    private static SandboxServer sandbox;
    private AwsClientFactory factory;
    private final AssumeRoleSettings role = new AssumeRoleSettings(null, null, "OrganizationAccountAccessRole", "run-1");

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void openFactory() {
        SandboxCredentials c = sandbox.managementCredentials();
        factory = new AwsClientFactory(new AwsSettings(Region.US_EAST_1, sandbox.endpoint(), StaticCredentialsProvider
                .create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())), 2, RetryMode.STANDARD,
                Duration.ofMillis(5)));
    }

    @AfterEach
    void close() {
        factory.close();
        sandbox.faults().clear();
    }

    private SecretsInventory collect(String accountId, List<String> configured, CallCounter counter) {
        try (AccountSession session = AccountSession.open(factory, accountId, MANAGEMENT, role, counter);
             var account = session.account()) {
            return new SecretsCollector(new AccountRegions(configured), account, session::secretsManager).collect();
        }
    }

    @Test
    void readsEveryEnabledRegionAndNamesTheDisabledOneWithTheCallsItTook() {
        CallCounter counter = new CallCounter();
        SecretsInventory inventory = collect(PROD, List.of(), counter);

        assertThat(inventory.regions()).extracting(r -> r.region() + " " + r.status())
                .containsExactly("us-east-1 READ", "eu-west-1 READ", "me-south-1 NOT_ENABLED");
        assertThat(inventory.secrets().map(Secret::name)).contains("prod/orders/db", "prod/webhooks/token")
                .hasSize(7);
        assertThat(inventory.coverageNote()).isEqualTo("secrets not read in me-south-1 not enabled (DISABLED)");
        Map<String, Long> calls = counter.counts();
        assertThat(calls).containsEntry("account:ListRegions", 1L)
                .containsEntry("secretsmanager:ListSecrets", 2L)
                .containsEntry("secretsmanager:GetResourcePolicy", 7L)
                .doesNotContainKey("secretsmanager:GetSecretValue")
                .doesNotContainKey("secretsmanager:DescribeSecret");
    }

    @Test
    void keepsWhatListSecretsSaysAboutEachSecret() {
        Map<String, Secret> byName = collect(PROD, List.of(), new CallCounter()).secrets()
                .collect(Collectors.toMap(Secret::name, s -> s));
        Secret billing = byName.get("prod/billing/db");
        assertThat(billing.rotates()).isTrue();
        assertThat(billing.rotationIntervalDays()).isEqualTo(30L);
        assertThat(billing.lastRotatedDate()).isNotNull();
        assertThat(billing.arn()).startsWith("arn:aws:secretsmanager:us-east-1:" + PROD + ":secret:prod/billing/db-");
        assertThat(byName.get("prod/orders/db-static").rotates()).isFalse();
        assertThat(byName.get("prod/orders/cache").awsManagedKey()).isTrue();
        assertThat(byName.get("prod/orders/db").kmsKeyId()).isEqualTo("alias/prod-secrets");
        // AWS keeps the last access at day granularity: midnight UTC
        assertThat(byName.get("prod/orders/db").lastAccessedDate().getEpochSecond() % 86400).isZero();
        assertThat(byName.get("prod/webhooks/token").resourcePolicy()).contains("\"Principal\":\"*\"");
        assertThat(byName.get("prod/orders/db").resourcePolicy()).isNull();
        assertThat(byName.values()).allSatisfy(s -> assertThat(s.policyError()).isNull());
    }

    @Test
    void aConfiguredRegionTheAccountHasNotEnabledIsMarkedAndTheOthersAreStillRead() {
        SecretsInventory inventory = collect(PROD, List.of("eu-west-1", "ap-east-1"), new CallCounter());
        assertThat(inventory.regions()).extracting(r -> r.region() + " " + r.status())
                .containsExactly("eu-west-1 READ", "ap-east-1 NOT_ENABLED");
        assertThat(inventory.regions().get(1).reason()).contains("UnrecognizedClientException");
        assertThat(inventory.unknownRegions()).isEmpty();
    }

    @Test
    void aDeniedRegionIsMarkedDeniedNotEmpty() {
        sandbox.faults().errorRate("secretsmanager:ListSecrets", 1.0);
        SecretsInventory inventory = collect(PROD, List.of("us-east-1"), new CallCounter());
        assertThat(inventory.regions()).singleElement().satisfies(r -> {
            assertThat(r.status()).isIn(RegionStatus.FAILED, RegionStatus.DENIED);
            assertThat(r.unknown()).isTrue();
        });
    }
}
