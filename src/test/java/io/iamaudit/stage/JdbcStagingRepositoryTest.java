package io.iamaudit.stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.iamaudit.stage.SampleSnapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcStagingRepositoryTest {

    private JdbcStagingRepository repository;
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        repository = new JdbcStagingRepository(dataSource);
        StagingSchema.migrate(dataSource);
        StagingSchema.migrate(dataSource); // a second start finds nothing to migrate
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void snapshotRoundTripsFieldByField() {
        AccountSnapshot original = SampleSnapshots.snapshot("111122223333");

        repository.saveSnapshot("run-1", original);
        AccountSnapshot read = repository.snapshot("run-1", "111122223333").orElseThrow();

        assertThat(read.account()).isEqualTo(original.account());
        assertThat(read.collectedAt()).isEqualTo(original.collectedAt());
        assertThat(read.credentialReport()).isEqualTo(original.credentialReport());
        assertThat(read.credentialReport().value().rows().get(1).extra()).containsEntry("future_column", "x");
        assertThat(read.authorization()).isEqualTo(original.authorization());
        assertThat(read.passwordPolicy()).isEqualTo(original.passwordPolicy());
        assertThat(read.summary()).isEqualTo(original.summary());
        assertThat(read.identityProviders()).isEqualTo(original.identityProviders());
        assertThat(read.virtualMfaDevices()).isEqualTo(original.virtualMfaDevices());
        assertThat(read.serverCertificates().missing()).isTrue();
        assertThat(read.serverCertificates()).isEqualTo(original.serverCertificates());
        assertThat(read.lastAccessed()).isEqualTo(original.lastAccessed());
        assertThat(read.accessAnalyzer()).isEqualTo(original.accessAnalyzer());
        assertThat(read).isEqualTo(original);
    }

    @Test
    void noPasswordPolicyStaysApartFromNotCollected() {
        AccountSnapshot full = SampleSnapshots.snapshot("111122223333");
        AccountSnapshot noPolicy = withPasswordPolicy(full, Collected.of(Optional.empty()));
        AccountSnapshot notCollected = withPasswordPolicy(SampleSnapshots.snapshot("444455556666"),
                Collected.failed("AccessDenied"));

        repository.saveSnapshot("run-1", noPolicy);
        repository.saveSnapshot("run-1", notCollected);

        Collected<Optional<PasswordPolicy>> none = repository.snapshot("run-1", "111122223333").orElseThrow()
                .passwordPolicy();
        assertThat(none.missing()).isFalse();
        assertThat(none.value()).isEmpty();
        Collected<Optional<PasswordPolicy>> failed = repository.snapshot("run-1", "444455556666").orElseThrow()
                .passwordPolicy();
        assertThat(failed.missing()).isTrue();
        assertThat(failed.error()).isEqualTo("AccessDenied");
    }

    @Test
    void savingTheSameAccountTwiceLeavesOneCopy() {
        repository.saveSnapshot("run-1", SampleSnapshots.snapshot("111122223333"));
        repository.saveSnapshot("run-1", SampleSnapshots.snapshot("111122223333"));
        repository.saveSnapshot("run-2", SampleSnapshots.snapshot("111122223333"));

        assertThat(count("stg_snapshot", "run-1")).isEqualTo(1);
        assertThat(count("stg_snapshot", "run-2")).isEqualTo(1);
    }

    @Test
    void replacingAnalysisReplacesOnlyThatAccount() {
        repository.replaceAnalysis("run-1", "111122223333",
                List.of(SampleSnapshots.finding("run-1", "111122223333", "f-1", Severity.HIGH),
                        SampleSnapshots.finding("run-1", "111122223333", "f-2", Severity.LOW)),
                List.of(new RuleOutcome("run-1", "111122223333", "iam_user_mfa", RuleOutcome.Outcome.FAIL, 2, null)),
                List.of(SampleSnapshots.recommendation("run-1", "111122223333", "r-1")));
        repository.replaceAnalysis("run-1", "444455556666",
                List.of(SampleSnapshots.finding("run-1", "444455556666", "f-9", Severity.CRITICAL)),
                List.of(), List.of());
        // the partition of the first account is rerun and finds less
        Finding rerun = SampleSnapshots.finding("run-1", "111122223333", "f-1", Severity.HIGH);
        repository.replaceAnalysis("run-1", "111122223333", List.of(rerun),
                List.of(new RuleOutcome("run-1", "111122223333", "iam_user_mfa", RuleOutcome.Outcome.FAIL, 1, null)),
                List.of(SampleSnapshots.recommendation("run-1", "111122223333", "r-1")));

        try (Stream<Finding> findings = repository.findings("run-1")) {
            assertThat(findings.map(Finding::findingId)).containsExactly("f-1", "f-9");
        }
        try (Stream<RuleOutcome> outcomes = repository.outcomes("run-1")) {
            assertThat(outcomes.toList()).singleElement().extracting(RuleOutcome::findings).isEqualTo(1);
        }
        try (Stream<LeastPrivilegeRecommendation> recommendations = repository.recommendations("run-1")) {
            assertThat(recommendations.toList()).containsExactly(
                    SampleSnapshots.recommendation("run-1", "111122223333", "r-1"));
        }
        assertThat(jdbc.queryForList("SELECT rule_id, severity, status FROM stg_finding WHERE account_id = ?",
                "444455556666")).containsExactly(Map.of("RULE_ID", "iam_user_mfa", "SEVERITY", "CRITICAL",
                "STATUS", "FAIL"));
    }

    @Test
    void findingsRoundTripWithDates() {
        Finding finding = SampleSnapshots.finding("run-1", "111122223333", "f-1", Severity.MEDIUM);
        repository.replaceAnalysis("run-1", "111122223333", List.of(finding), List.of(), List.of());

        try (Stream<Finding> findings = repository.findings("run-1")) {
            assertThat(findings.toList()).containsExactly(finding);
        }
    }

    @Test
    void findingsOfManyAccountsStreamInAccountThenIdOrderWithoutOtherRuns() {
        for (String account : List.of("333333333333", "111111111111", "222222222222")) {
            repository.replaceAnalysis("run-1", account, List.of(
                    SampleSnapshots.finding("run-1", account, "f-2", Severity.LOW),
                    SampleSnapshots.finding("run-1", account, "f-1", Severity.HIGH)), List.of(), List.of());
        }
        repository.replaceAnalysis("run-2", "111111111111",
                List.of(SampleSnapshots.finding("run-2", "111111111111", "f-0", Severity.LOW)), List.of(), List.of());

        try (Stream<Finding> findings = repository.findings("run-1")) {
            assertThat(findings.map(f -> f.accountId() + "/" + f.findingId()).toList()).containsExactly(
                    "111111111111/f-1", "111111111111/f-2", "222222222222/f-1", "222222222222/f-2",
                    "333333333333/f-1", "333333333333/f-2");
        }
    }

    @Test
    void findingsForTheReportComeBySeverityThenAccountThenRuleAsTheInMemoryOrderSays() {
        for (String account : List.of("333333333333", "111111111111", "222222222222")) {
            repository.replaceAnalysis("run-1", account, List.of(
                    SampleSnapshots.finding("run-1", account, "f-2", Severity.LOW),
                    SampleSnapshots.finding("run-1", account, "f-1", Severity.HIGH)), List.of(), List.of());
        }
        repository.replaceAnalysis("run-2", "111111111111",
                List.of(SampleSnapshots.finding("run-2", "111111111111", "f-0", Severity.CRITICAL)), List.of(),
                List.of());

        List<String> expected = List.of("HIGH 111111111111/f-1", "HIGH 222222222222/f-1", "HIGH 333333333333/f-1",
                "LOW 111111111111/f-2", "LOW 222222222222/f-2", "LOW 333333333333/f-2");
        try (Stream<Finding> findings = repository.findingsBySeverity("run-1")) {
            assertThat(findings.map(f -> f.severity() + " " + f.accountId() + "/" + f.findingId()).toList())
                    .containsExactlyElementsOf(expected);
        }
        List<Finding> sorted;
        try (Stream<Finding> findings = repository.findings("run-1")) {
            sorted = findings.sorted(StagingRepository.FINDING_REPORT_ORDER).toList();
        }
        assertThat(sorted).extracting(f -> f.severity() + " " + f.accountId() + "/" + f.findingId())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void findingsBySeverityEqualTheInMemorySortOnGeneratedFindingsWithTextInEveryCharacterRange() {
        // given: 12 accounts staged out of order, random severities, rules and ids, evidence beyond Latin-1
        java.util.Random random = new java.util.Random(16);
        List<String> rules = List.of("iam_user_mfa", "iam_root_keys", "a_rule", "z_rule", "iam_role_unused");
        List<Finding> staged = new java.util.ArrayList<>();
        for (int a = 11; a >= 0; a--) {
            String account = String.format("%012d", a * 7919L);
            List<Finding> findings = new java.util.ArrayList<>();
            int count = 10 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                Finding f = SampleSnapshots.finding("run-1", account, "f-" + random.nextInt(1_000_000) + "-" + i,
                        Severity.values()[random.nextInt(Severity.values().length)]);
                findings.add(new Finding(f.findingId(), f.runId(), f.accountId(), f.accountName(), f.ouPath(),
                        f.principalType(), f.principalName(), f.principalArn(), rules.get(random.nextInt(rules.size())),
                        f.title(), f.severity(), f.status(), f.wellArchitected(), f.cis(), f.securityHub(),
                        "evidence \u00e9\u4e2d\ud83d\ude00 " + i + "\n\"quoted\"", f.recommendation(), f.firstSeen(),
                        f.exceptionOwner(), f.exceptionExpiry(), f.exceptionNote()));
            }
            repository.replaceAnalysis("run-1", account, findings, List.of(), List.of());
            staged.addAll(findings);
        }
        repository.replaceAnalysis("run-2", "000000000000",
                List.of(SampleSnapshots.finding("run-2", "000000000000", "f-x", Severity.CRITICAL)), List.of(),
                List.of());

        // when
        List<Finding> streamed;
        try (Stream<Finding> findings = repository.findingsBySeverity("run-1")) {
            streamed = findings.toList();
        }

        // then: the same records, in the order the store's default (an in-memory sort) gives
        assertThat(staged).hasSizeGreaterThan(100);
        assertThat(streamed).containsExactlyElementsOf(
                staged.stream().sorted(StagingRepository.FINDING_REPORT_ORDER).toList());
    }

    @Test
    void findingCountsFromTheColumnsEqualTheCountsOfTheFindingsThemselves() {
        // given: 8 accounts, random rules and statuses, and another run that must not count
        java.util.Random random = new java.util.Random(7);
        List<String> rules = List.of("iam_user_mfa", "iam_root_keys", "a_rule", "z_rule");
        for (int a = 0; a < 8; a++) {
            String account = String.format("%012d", 1000 + a);
            List<Finding> findings = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Finding f = SampleSnapshots.finding("run-1", account, "f-" + i, Severity.MEDIUM);
                findings.add(new Finding(f.findingId(), f.runId(), f.accountId(), f.accountName(), f.ouPath(),
                        f.principalType(), f.principalName(), f.principalArn(), rules.get(random.nextInt(rules.size())),
                        f.title(), f.severity(), Finding.Status.values()[random.nextInt(Finding.Status.values().length)],
                        f.wellArchitected(), f.cis(), f.securityHub(), f.evidence(), f.recommendation(), f.firstSeen(),
                        f.exceptionOwner(), f.exceptionExpiry(), f.exceptionNote()));
            }
            repository.replaceAnalysis("run-1", account, findings, List.of(), List.of());
        }
        repository.replaceAnalysis("run-2", "000000001000",
                List.of(SampleSnapshots.finding("run-2", "000000001000", "f-x", Severity.LOW)), List.of(), List.of());

        List<FindingCount> expected;
        try (Stream<Finding> findings = repository.findings("run-1")) {
            expected = FindingCount.of(findings);
        }
        List<FindingCount> counted = repository.findingCounts("run-1");

        assertThat(counted).containsExactlyElementsOf(expected);
        assertThat(counted.stream().mapToLong(FindingCount::count).sum()).isEqualTo(240);
        assertThat(counted).extracting(FindingCount::status).contains(Finding.Status.values());
    }

    @Test
    void findingsBySeverityLeaveNoTemporaryFileWhetherReadWholeOrClosedEarly() throws java.io.IOException {
        for (String account : List.of("111111111111", "222222222222")) {
            repository.replaceAnalysis("run-1", account, List.of(
                    SampleSnapshots.finding("run-1", account, "f-1", Severity.HIGH),
                    SampleSnapshots.finding("run-1", account, "f-2", Severity.LOW)), List.of(), List.of());
        }
        java.util.Set<java.nio.file.Path> before = spillFiles();

        try (Stream<Finding> findings = repository.findingsBySeverity("run-1")) {
            assertThat(findings.count()).isEqualTo(4);
        }
        try (Stream<Finding> findings = repository.findingsBySeverity("run-1")) {
            assertThat(findings.findFirst()).isPresent();
            assertThat(spillFiles()).as("spilled while open").hasSizeGreaterThan(before.size());
        }

        assertThat(spillFiles()).isEqualTo(before);
    }

    private static java.util.Set<java.nio.file.Path> spillFiles() throws java.io.IOException {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("iam-audit-findings-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void snapshotStreamReturnsEveryAccountOfTheRun() {
        for (int i = 0; i < 25; i++) {
            repository.saveSnapshot("run-1", SampleSnapshots.snapshot(String.format("%012d", i)));
        }
        repository.saveSnapshot("run-other", SampleSnapshots.snapshot("999999999999"));

        try (Stream<AccountSnapshot> snapshots = repository.snapshots("run-1")) {
            assertThat(snapshots.map(s -> s.account().accountId()).toList()).hasSize(25)
                    .doesNotContain("999999999999").isSorted();
        }
    }

    @Test
    void reportSnapshotsReadTheReportedPartsOfTheSameStagedSnapshots() {
        List<AccountSnapshot> saved = List.of(SampleSnapshots.snapshot("000000000001"),
                SampleSnapshots.snapshot("000000000002"));
        saved.forEach(s -> repository.saveSnapshot("run-1", s));

        try (Stream<ReportSnapshot> snapshots = repository.reportSnapshots("run-1")) {
            assertThat(snapshots.toList()).containsExactlyElementsOf(saved.stream().map(ReportSnapshot::of).toList());
        }
    }

    @Test
    void lastAccessedDetailsAreStagedApartFromWhatTheReportReads() {
        AccountSnapshot original = SampleSnapshots.snapshot("111122223333");
        assertThat(original.lastAccessed().value()).isNotEmpty();
        String principal = original.lastAccessed().value().get(0).principalArn();

        repository.saveSnapshot("run-1", original);

        Map<String, Object> row = jdbc.queryForMap("SELECT payload, last_accessed FROM stg_snapshot");
        assertThat(CompressedText.decompress((String) row.get("LAST_ACCESSED"))).contains(principal);
        assertThat((String) row.get("PAYLOAD")).doesNotContain("\"services\"");
        assertThat(repository.snapshot("run-1", "111122223333")).contains(original);
        try (Stream<AccountSnapshot> all = repository.snapshots("run-1")) {
            assertThat(all.toList()).containsExactly(original);
        }
    }

    @Test
    void compressedTextRoundTripsAndShrinksRepetitiveJson() {
        String json = "{\"services\":[" + "{\"serviceNamespace\":\"s3\",\"lastAuthenticated\":null},".repeat(500)
                + "{\"é\":\"ü\"}]}";

        String stored = CompressedText.compress(json);

        assertThat(CompressedText.decompress(stored)).isEqualTo(json);
        assertThat(stored.length()).isLessThan(json.length() / 10);
    }

    @Test
    void aSnapshotStagedBeforeTheLastAccessedColumnStillReadsWhole() {
        AccountSnapshot original = SampleSnapshots.snapshot("111122223333");
        jdbc.update("INSERT INTO stg_snapshot (run_id, account_id, payload) VALUES (?, ?, ?)", "old-run",
                "111122223333", StageJson.write(original));

        assertThat(repository.snapshot("old-run", "111122223333")).contains(original);
        try (Stream<ReportSnapshot> report = repository.reportSnapshots("old-run")) {
            assertThat(report.toList()).containsExactly(ReportSnapshot.of(original));
        }
    }

    @Test
    void runsAccountsAndCoverageRoundTrip() {
        AuditRun older = new AuditRun("run-1", "org-audit", T0, "o-example", "999999999999",
                "arn:aws:iam::999999999999:user/auditor", Map.of("role", "OrganizationAccountAccessRole"),
                AuditRun.Status.COLLECTED);
        AuditRun newer = new AuditRun("run-2", "org-audit", T0.plusSeconds(3600), "o-example", "999999999999",
                null, Map.of(), AuditRun.Status.RUNNING);
        AuditRun published = new AuditRun("run-3", "org-audit", T0.plusSeconds(7200), "o-example",
                "999999999999", null, Map.of(), AuditRun.Status.PUBLISHED);
        repository.saveRun(older);
        repository.saveRun(newer);
        repository.saveRun(published);
        repository.saveRun(newer.withStatus(AuditRun.Status.ANALYZED));

        assertThat(repository.run("run-1")).hasValue(older);
        assertThat(repository.latestUnfinishedRun()).hasValue(newer.withStatus(AuditRun.Status.ANALYZED));

        List<AccountRef> accounts = List.of(SampleSnapshots.account("222222222222"),
                SampleSnapshots.account("111111111111"));
        repository.saveAccounts("run-1", accounts);
        repository.saveAccounts("run-1", accounts);
        assertThat(repository.accounts("run-1")).containsExactlyElementsOf(accounts);

        AccountCoverage coverage = new AccountCoverage("run-1", "111111111111", "acct", "Root", 
                AccountCoverage.Status.AUDITED, "", T0, Map.of("iam:GetAccountSummary", 1L));
        repository.saveCoverage(coverage);
        repository.saveCoverage(new AccountCoverage("run-1", "111111111111", "acct", "Root",
                AccountCoverage.Status.FAILED, "AccessDenied", T0, Map.of()));
        assertThat(repository.coverage("run-1")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(AccountCoverage.Status.FAILED));
        assertThat(coverage.totalCalls()).isEqualTo(1);
    }

    private int count(String table, String runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Integer.class, runId);
    }

    private static AccountSnapshot withPasswordPolicy(AccountSnapshot s, Collected<Optional<PasswordPolicy>> p) {
        return new AccountSnapshot(s.account(), s.collectedAt(), s.credentialReport(), s.authorization(), p,
                s.summary(), s.identityProviders(), s.virtualMfaDevices(), s.serverCertificates(), s.lastAccessed(),
                s.accessAnalyzer());
    }
}
