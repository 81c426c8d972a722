package io.iamaudit.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.accessanalyzer.model.ThrottlingException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxFaultsTest {

    static final SandboxProfile.Bucket TIGHT = new SandboxProfile.Bucket(2, 3, SandboxProfile.Scope.ACCOUNT);

    @Test
    void tokenBucketAllowsABurstThenRefills() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);

        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(400_000_000L)).isFalse();
        assertThat(bucket.tryTake(500_000_000L)).isTrue();
        assertThat(bucket.tryTake(10_000_000_000L)).isTrue();
    }

    @Test
    void iamThrottlesWithAwsErrorAndTheSdkRetriesThrough() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(),
                SandboxProfile.instant().withThrottling(Map.of("iam", TIGHT)), 0);
             SandboxClients c = SandboxClients.management(server)) {
            for (int i = 0; i < 8; i++) {
                assertThat(c.iam().listUsers().users()).hasSize(2);
            }
            assertThat(server.stats().throttles("iam:ListUsers")).isPositive();
            assertThat(server.stats().calls("iam:ListUsers"))
                    .isEqualTo(8 + server.stats().throttles("iam:ListUsers"));

            server.faults().throttle("iam", new SandboxProfile.Bucket(1, 0.001, SandboxProfile.Scope.ACCOUNT));
            c.noRetries().iam().listUsers();
            assertThatThrownBy(() -> c.noRetries().iam().listUsers())
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                        assertThat(e.isThrottlingException()).isTrue();
                    });
            server.faults().clear();
            assertThat(c.noRetries().iam().listUsers().users()).hasSize(2);
        }
    }

    @Test
    void statsTellQuotaThrottlesFromTheProfilesRandomOnes() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant()
                .withThrottling(Map.of("iam", new SandboxProfile.Bucket(1, 0.001, SandboxProfile.Scope.ACCOUNT))), 0);
             SandboxClients c = SandboxClients.management(server)) {
            // an empty bucket: a quota throttle
            c.noRetries().iam().listUsers();
            assertThatThrownBy(() -> c.noRetries().iam().listUsers()).isInstanceOf(IamException.class);
            assertThat(server.stats().totalQuotaThrottles()).isEqualTo(1);

            // every STS call throttled at random: throttles, none of them the quota's
            server.faults().throttleRate("sts", 1.0);
            assertThatThrownBy(() -> c.noRetries().sts().getCallerIdentity()).isInstanceOf(StsException.class);
            assertThat(server.stats().totalThrottles()).isEqualTo(2);
            assertThat(server.stats().quotaThrottlesSnapshot()).containsOnlyKeys("iam:ListUsers");
        }
    }

    @Test
    void bucketsArePerAccountForIam() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant()
                .withThrottling(Map.of("iam", new SandboxProfile.Bucket(1, 0.001, SandboxProfile.Scope.ACCOUNT))), 0);
             SandboxClients c = SandboxClients.management(server);
             SandboxClients member = c.assume(server, "100000000002")) {
            c.noRetries().iam().listUsers();
            assertThat(member.noRetries().iam().listUsers().users()).hasSize(1);
            assertThatThrownBy(() -> c.noRetries().iam().listUsers()).isInstanceOf(IamException.class);
        }
    }

    @Test
    void organizationsAndAccessAnalyzerUseTheirOwnThrottlingErrors() {
        SandboxProfile.Bucket shared = new SandboxProfile.Bucket(1, 0.001, SandboxProfile.Scope.SHARED);
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant()
                .withThrottling(Map.of("organizations", shared, "access-analyzer", shared)), 0);
             SandboxClients c = SandboxClients.management(server)) {
            SandboxClients once = c.noRetries();
            once.organizations().listAccounts();
            assertThatThrownBy(() -> once.organizations().listAccounts())
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            once.accessAnalyzer().listAnalyzers(r -> { });
            assertThatThrownBy(() -> once.accessAnalyzer().listAnalyzers(r -> { }))
                    .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")).contains("1");
                    });
            assertThat(server.stats().throttles("organizations:ListAccounts")).isEqualTo(1);
            assertThat(server.stats().throttles("access-analyzer:ListAnalyzers")).isEqualTo(1);
        }
    }

    @Test
    void failingAccountGets5xxUntilRestored() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity());
             SandboxClients c = SandboxClients.management(server);
             SandboxClients member = c.assume(server, "100000000002")) {
            server.faults().failAccount("100000000002");
            assertThatThrownBy(() -> member.noRetries().iam().getAccountSummary())
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceFailure");
                    });
            assertThat(c.iam().getAccountSummary().summaryMap()).isNotEmpty();
            server.faults().restoreAccount("100000000002");
            assertThat(member.iam().getAccountSummary().summaryMap()).isNotEmpty();
            assertThat(server.stats().totalErrors()).isEqualTo(1);
        }
    }

    @Test
    void randomRatesAreSeededAndSurvivableWithRetries() {
        SandboxProfile profile = new SandboxProfile(7L, null, null, null, null, null,
                new SandboxProfile.Faults(Map.of("iam", 0.2), Map.of("iam", 0.05), null, null));
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), profile, 0);
             SandboxClients c = SandboxClients.management(server)) {
            for (int i = 0; i < 12; i++) {
                assertThat(c.iam().listRoles().roles()).hasSize(1);
            }
            assertThat(server.stats().totalThrottles() + server.stats().totalErrors()).isPositive();
        }
    }

    @Test
    void expiredSessionsGetEachServicesExpiredTokenError() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity());
             SandboxClients c = SandboxClients.management(server);
             SandboxClients member = c.assume(server, "100000000002")) {
            assertThat(member.noRetries().iam().listUsers().users()).hasSize(1);
            server.faults().expireSessions();

            assertThatThrownBy(() -> member.noRetries().iam().listUsers())
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                    });
            assertThatThrownBy(() -> member.noRetries().organizations().describeOrganization())
                    .isInstanceOfSatisfying(OrganizationsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
            try (SandboxClients fresh = c.assume(server, "100000000002")) {
                assertThat(fresh.iam().listUsers().users()).hasSize(1);
            }
        }
    }
}
