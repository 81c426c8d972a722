package io.iamaudit.collect;

import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.model.Type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Which clients wait for the organization's shared quotas, against the demo organization. */
class SharedQuotaPacingTest {

    private static final String MANAGEMENT = "111111111111";
    private static final String ADMIN = "222222222222";
    private static SandboxServer sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A pacer of one call per second on a clock that moves only when it sleeps: its waits count the calls. */
    private static final class CountingPacer {
        final AtomicLong now = new AtomicLong();
        final List<Long> waits = new ArrayList<>();
        final RequestPacer pacer = new RequestPacer(1, 1, now::get, nanos -> {
            synchronized (waits) {
                waits.add(nanos);
            }
            now.addAndGet(nanos);
        });
    }

    @Test
    void organizationsAndTheSharedAnalyzerClientWaitForTheirQuotasWhileIamAndMemberAnalyzersDoNot() {
        CountingPacer organizations = new CountingPacer();
        CountingPacer analyzer = new CountingPacer();
        SandboxCredentials c = sandbox.managementCredentials();
        AwsSettings settings = new AwsSettings(Region.US_EAST_1, sandbox.endpoint(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())), 3, RetryMode.STANDARD,
                Duration.ofMillis(5));
        try (AwsClientFactory factory = new AwsClientFactory(settings, 16,
                new AwsClientFactory.SharedQuotas(organizations.pacer, analyzer.pacer));
             AccountSession management = AccountSession.direct(factory, MANAGEMENT);
             AccountSession admin = AccountSession.open(factory.forSharedQuota(), ADMIN, MANAGEMENT,
                     new AssumeRoleSettings(null, null, "auditor", "run-1"))) {
            // when: 4 Organizations calls, 3 IAM calls, 2 analyzer calls through the shared client, 1 through a plain one
            for (int i = 0; i < 4; i++) {
                management.clients().organizations().describeOrganization();
            }
            for (int i = 0; i < 3; i++) {
                management.clients().iam().getAccountSummary();
            }
            admin.clients().accessAnalyzer().listAnalyzers(r -> r.type(Type.ORGANIZATION));
            admin.clients().accessAnalyzer().listAnalyzers(r -> r.type(Type.ORGANIZATION_UNUSED_ACCESS));
            management.clients().accessAnalyzer().listAnalyzers(r -> r.type(Type.ACCOUNT));

            // then: the first call of each pacer is free (burst 1), each later one waits a second
            assertThat(organizations.waits).hasSize(3).allMatch(w -> w == 1_000_000_000L);
            assertThat(analyzer.waits).hasSize(1);
        }
    }

    @Test
    void assumingRolesInMemberAccountsWaitsForTheRunnersStsQuotaAndNothingElseDoes() {
        CountingPacer assumeRole = new CountingPacer();
        SandboxCredentials c = sandbox.managementCredentials();
        AwsSettings settings = new AwsSettings(Region.US_EAST_1, sandbox.endpoint(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())), 3, RetryMode.STANDARD,
                Duration.ofMillis(5));
        AssumeRoleSettings role = new AssumeRoleSettings(null, null, "auditor", "run-1");
        try (AwsClientFactory factory = new AwsClientFactory(settings, 16,
                new AwsClientFactory.SharedQuotas(null, null, assumeRole.pacer));
             AccountSession management = AccountSession.direct(factory, MANAGEMENT);
             AccountSession admin = AccountSession.open(factory, ADMIN, MANAGEMENT, role);
             AccountSession member = AccountSession.open(factory, "333333333333", MANAGEMENT, role);
             AccountSession another = AccountSession.open(factory, "444444444444", MANAGEMENT, role)) {
            // when the sessions work: IAM in each account, and the management account's own STS
            admin.clients().iam().getAccountSummary();
            member.clients().iam().getAccountSummary();
            another.clients().iam().getAccountSummary();
            management.clients().sts().getCallerIdentity();

            // then only the three AssumeRole calls went through the pacer: the first free (burst 1), two waits
            assertThat(assumeRole.waits).hasSize(2).allMatch(w -> w == 1_000_000_000L);
        }
    }
}
