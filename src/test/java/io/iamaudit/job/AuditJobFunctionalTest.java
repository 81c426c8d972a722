package io.iamaudit.job;

import io.iamaudit.IamAuditApplication;
import io.iamaudit.bench.Bench;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.UserSpec;
import io.iamaudit.report.ReportTimings;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.StagingRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import io.iamaudit.testsupport.SandboxRunProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job, in process, against the sandbox organization: discover, collect, analyze, report, publish. */
@SpringBootTest(classes = IamAuditApplication.class)
class AuditJobFunctionalTest {

    private static final Scenario SCENARIO = Scenarios.fidelity();
    private static final SandboxServer SANDBOX = SandboxServer.start(SCENARIO, SandboxProfile.instant(), 0);
    private static final Path WORK = tempDir();

    @Autowired
    AuditJobRunner runner;

    @Autowired
    StagingRepository staging;

    @Autowired
    javax.sql.DataSource dataSource;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SandboxRunProperties.register(registry, "audit-job-test", WORK, SANDBOX);
        registry.add("iam-audit.aws.throttling-base-delay-millis", () -> "20");
    }

    @AfterEach
    void clearFaults() {
        SANDBOX.faults().clear();
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void stagesEveryAccountAsTheScenarioDescribesItAndPublishes() throws IOException {
        // given two runs staged earlier: one past the 35-day retention, one inside it
        staging.saveRun(stagedEarlier("run-100-days-ago", 100));
        staging.saveRun(stagedEarlier("run-30-days-ago", 30));

        // when
        RunResult result = runner.start("org-audit");

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.COMPLETE);
        assertThat(result.audited()).isEqualTo(SCENARIO.accounts().size());
        for (AccountSpec account : SCENARIO.accounts()) {
            AccountSnapshot snapshot = staging.snapshot(result.runId(), account.id()).orElseThrow();
            Map<String, IamUser> staged = snapshot.authorization().value().users().stream()
                    .collect(Collectors.toMap(IamUser::userName, u -> u));
            assertThat(staged.keySet()).containsExactlyInAnyOrderElementsOf(
                    account.users().stream().map(UserSpec::name).toList());
            for (UserSpec user : account.users()) {
                assertThat(staged.get(user.name()).groups()).containsExactlyInAnyOrderElementsOf(user.groups());
            }
            assertThat(snapshot.credentialReport().missing()).isFalse();
            assertThat(snapshot.credentialReport().value().users().count()).isEqualTo(account.users().size());
            assertThat(snapshot.lastAccessed().missing()).isFalse();
        }
        assertThat(result.findings()).isPositive();
        Path runFolder = Path.of(result.published());
        assertThat(runFolder.resolve("manifest.json")).isRegularFile();
        assertThat(Files.readString(WORK.resolve("out/latest.json"))).contains(result.runId());
        assertThat(staging.coverage(result.runId())).allSatisfy(c -> assertThat(c.totalCalls()).isPositive());
        // every account was analysed beside collection, so the analyze step had none left to read
        assertThat(staging.analyzedAccounts(result.runId())).hasSize(SCENARIO.accounts().size());
        assertThat(lastStepReadCount("analyze")).isZero();
        // the report step left its writers' figures where scripts/bench reads them
        ReportTimings writers = Bench.reportTimings(dataSource);
        assertThat(writers.workbook().rows()).isPositive();
        assertThat(writers.csv().rows()).isPositive();
        assertThat(writers.workbook().wallNanos()).isPositive();
        // and the run ended with the staging retention
        assertThat(staging.run("run-100-days-ago")).isEmpty();
        assertThat(staging.run("run-30-days-ago")).isPresent();
        assertThat(staging.run(result.runId())).isPresent();
    }

    private static AuditRun stagedEarlier(String runId, int daysAgo) {
        return new AuditRun(runId, "org-audit", Instant.now().minus(java.time.Duration.ofDays(daysAgo)),
                "o-earlier", "100000000001", "arn:aws:iam::100000000001:user/earlier", Map.of(),
                AuditRun.Status.PUBLISHED);
    }

    @Test
    void aDeniedAccountFailsAloneAndRestartCollectsOnlyIt() {
        // given
        String member = SCENARIO.accounts().stream().map(AccountSpec::id)
                .filter(id -> !id.equals(SANDBOX.managementAccountId())).findFirst().orElseThrow();
        SANDBOX.faults().denyAssumeRole(member);

        // when
        RunResult first = runner.start("org-audit");

        // then
        assertThat(first.exitCode()).isEqualTo(ExitCode.ACCOUNTS_FAILED);
        assertThat(first.failed()).singleElement().satisfies(f -> {
            assertThat(f.accountId()).isEqualTo(member);
            assertThat(f.reason()).contains("AccessDenied");
        });
        assertThat(first.audited()).isEqualTo(SCENARIO.accounts().size() - 1);

        // when the fault is cleared
        SANDBOX.faults().clear();
        RunResult second = runner.restart();

        // then only the failed account was collected again, and the new run is complete
        assertThat(second.exitCode()).isEqualTo(ExitCode.COMPLETE);
        assertThat(second.runId()).isNotEqualTo(first.runId());
        Map<String, AccountCoverage> before = byAccount(first.runId());
        Map<String, AccountCoverage> after = byAccount(second.runId());
        assertThat(after.get(member).status()).isEqualTo(AccountCoverage.Status.AUDITED);
        assertThat(after.get(SANDBOX.managementAccountId()).collectedAt())
                .isEqualTo(before.get(SANDBOX.managementAccountId()).collectedAt());
        assertThat(after.get(member).collectedAt()).isAfter(before.get(member).collectedAt());
        // the collected account was analysed beside collection; the analyze step took the inherited ones
        assertThat(staging.analyzedAccounts(second.runId())).hasSize(SCENARIO.accounts().size());
        assertThat(lastStepReadCount("analyze")).isEqualTo(SCENARIO.accounts().size() - 1);
    }

    /** How many accounts the newest execution of a step read (the analyze step reads the accounts left to it). */
    private long lastStepReadCount(String step) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC"
                        + " FETCH FIRST 1 ROWS ONLY", Long.class, step);
    }

    @Test
    void findingsKeepTheirFirstSeenDateFromThePreviousPublishedRun() {
        RunResult first = runner.start("org-audit");
        RunResult second = runner.start("org-audit");

        Map<String, Finding> before = findings(first.runId());
        Map<String, Finding> after = findings(second.runId());
        assertThat(after.keySet()).containsAll(before.keySet());
        before.forEach((id, f) -> assertThat(after.get(id).firstSeen()).as(id).isEqualTo(f.firstSeen()));
        Instant secondCollection = staging.coverage(second.runId()).get(0).collectedAt();
        assertThat(after.values()).allSatisfy(f -> assertThat(f.firstSeen()).isBefore(secondCollection));
    }

    @Test
    void aRunKilledAfterItsFilesWerePublishedIsFinishedByRestartWithoutUploadingAgain() throws IOException {
        // given a run whose files and manifest reached the store, killed before it was recorded as published
        RunResult first = runner.start("org-audit");
        staging.saveRun(staging.run(first.runId()).orElseThrow().withStatus(AuditRun.Status.REPORTED));
        Files.delete(WORK.resolve("out/latest.json"));
        Path manifest = Path.of(first.published()).resolve("manifest.json");
        String published = Files.readString(manifest);

        // when
        RunResult resumed = runner.restart();

        // then the same run completes, its manifest untouched, and latest.json points at it again
        assertThat(resumed.exitCode()).isEqualTo(ExitCode.COMPLETE);
        assertThat(resumed.runId()).isEqualTo(first.runId());
        assertThat(Files.readString(manifest)).isEqualTo(published);
        assertThat(Files.readString(WORK.resolve("out/latest.json"))).contains(first.runId());
        assertThat(staging.run(first.runId()).orElseThrow().status()).isEqualTo(AuditRun.Status.PUBLISHED);
    }

    private Map<String, Finding> findings(String runId) {
        try (Stream<Finding> all = staging.findings(runId)) {
            return all.collect(Collectors.toMap(Finding::findingId, f -> f));
        }
    }

    private Map<String, AccountCoverage> byAccount(String runId) {
        return staging.coverage(runId).stream().collect(Collectors.toMap(AccountCoverage::accountId, c -> c));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("audit-job-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
