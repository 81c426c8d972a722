package io.iamaudit.job;

import io.iamaudit.collect.AccessAnalyzerCollector;
import io.iamaudit.collect.AccountCollection;
import io.iamaudit.collect.AccountCollector;
import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AssumeRoleSettings;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsSettings;
import io.iamaudit.collect.CollectorSettings;
import io.iamaudit.collect.OrgAnalyzerLocator;
import io.iamaudit.collect.OrgAnalyzers;
import io.iamaudit.collect.OrganizationFindings;
import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.JdbcStagingRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account whose IAM reads end before the organization's findings listing does is staged at once with its
 * findings pending and stays PENDING (a restart collects it again); when the listing ends its findings are filled in
 * and only then is it AUDITED. One whose IAM reads end after the listing gets its findings before it is staged.
 */
class AccountStagingTest {

    private static final String MANAGEMENT = "111111111111";
    private static final String PROD = "444444444444";
    private static final AssumeRoleSettings ROLE = new AssumeRoleSettings(null, null, "auditor", "run-1");

    @TempDir
    Path spool;

    @Test
    void anAccountCollectedBeforeTheListingEndsIsAuditedOnlyOnceItsFindingsAreStaged() throws Exception {
        // each ListFindingsV2 page takes 4 s: the listing started after the account's IAM reads ends well after them
        SandboxProfile slowListing = new SandboxProfile(null, null,
                Map.of("access-analyzer:ListFindingsV2", new SandboxProfile.Latency(4000, 4000)),
                null, null, null, null);
        JdbcStagingRepository staging = staging();
        try (SandboxServer sandbox = SandboxServer.start(Scenarios.demo(), slowListing, 0);
             AwsClientFactory factory = factory(sandbox);
             AccountSession management = AccountSession.direct(factory, MANAGEMENT);
             OrgAnalyzers org = new OrgAnalyzerLocator().locate(management,
                     id -> AccountSession.open(factory.forSharedQuota(), id, MANAGEMENT, ROLE));
             AccountCollector collector = new AccountCollector(CollectorSettings.defaults(), Clock.systemUTC());
             AccountSession prod = AccountSession.open(factory, PROD, MANAGEMENT, ROLE)) {
            AccountRef account = new AccountRef(PROD, "acme-prod", null, "ACTIVE", "Root/Workloads", Map.of());
            staging.saveAccounts("run-1", java.util.List.of(account));
            staging.saveCoverage(new AccountCoverage("run-1", PROD, "acme-prod", "Root/Workloads",
                    AccountCoverage.Status.PENDING, "", null, Map.of()));

            AccountCollection collection = collector.collect(prod, account, org, true);
            try (OrganizationFindings findings = OrganizationFindings.start(org, Set.of(PROD), spool.resolve("s"))) {
                assertThat(findings.ended()).as("listing still running").isFalse();

                // when
                new AccountStaging(staging, "run-1", AnalysisBesideCollection.none()).stage(collection.snapshot(), collection.coverage("run-1"),
                        findings);

                // then the snapshot is staged with its findings pending, and the account is not yet audited
                AccountSnapshot early = staging.snapshot("run-1", PROD).orElseThrow();
                assertThat(early.accessAnalyzer().error()).isEqualTo(OrganizationFindings.PENDING);
                assertThat(early.authorization().missing()).isFalse();
                assertThat(staging.coverage("run-1")).singleElement()
                        .satisfies(c -> assertThat(c.status()).isEqualTo(AccountCoverage.Status.PENDING));

                // and once the listing has ended, its findings are those a per-account listing reads
                assertThat(findings.await(60, TimeUnit.SECONDS)).isTrue();
                AccountSnapshot late = staging.snapshot("run-1", PROD).orElseThrow();
                AccessAnalyzerState perAccount = new AccessAnalyzerCollector(org, prod, PROD,
                        late.authorization().value()).collect();
                assertThat(late.accessAnalyzer().missing()).isFalse();
                assertThat(late.accessAnalyzer().value()).usingRecursiveComparison().isEqualTo(perAccount);
                assertThat(late.accessAnalyzer().value().findings()).isNotEmpty();
                // the rest of the snapshot is as staged, the compressed last-accessed details included
                assertThat(late.lastAccessed()).usingRecursiveComparison().isEqualTo(early.lastAccessed());
                assertThat(staging.coverage("run-1")).singleElement().satisfies(c -> {
                    assertThat(c.status()).isEqualTo(AccountCoverage.Status.AUDITED);
                    assertThat(c.reason()).doesNotContain("accessAnalyzer");
                });

                // an account collected after the listing ended gets its findings before it is staged
                AccountCollection again = collector.collect(prod, account, org, true);
                new AccountStaging(staging, "run-1", AnalysisBesideCollection.none()).stage(again.snapshot(), again.coverage("run-1"), findings);
                assertThat(staging.snapshot("run-1", PROD).orElseThrow().accessAnalyzer().value())
                        .usingRecursiveComparison().isEqualTo(perAccount);
            }
        }
    }

    private static JdbcStagingRepository staging() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        io.iamaudit.stage.StagingSchema.migrate(dataSource);
        JdbcStagingRepository staging = new JdbcStagingRepository(dataSource);
        return staging;
    }

    private static AwsClientFactory factory(SandboxServer sandbox) {
        SandboxCredentials c = sandbox.managementCredentials();
        return new AwsClientFactory(new AwsSettings(Region.US_EAST_1, sandbox.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())),
                3, RetryMode.STANDARD, Duration.ofMillis(5)));
    }
}
