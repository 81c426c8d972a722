package io.iamaudit.stage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * {@link StagingRepository} over JDBC (H2 or PostgreSQL), schema by {@link StagingSchema}. Each record is one
 * row of JSON ({@link StageJson}) under its key; findings also keep rule, severity and status as columns so they can
 * be queried. Every save deletes the key's rows and inserts within one transaction, so a rerun of a partition leaves
 * no duplicates. The streams hold no open cursor: they are lazy sequences of small queries (one per account, or per
 * snapshot), each read whole before the stream moves on, so memory stays at one account's slice whatever the
 * organization's size (see {@link #perAccount}); the fetch size only cuts round trips within one such query.
 */
public final class JdbcStagingRepository implements StagingRepository {

    private static final int FETCH_SIZE = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StagedSecrets secrets;

    public JdbcStagingRepository(DataSource dataSource) {
        this(dataSource, new DataSourceTransactionManager(dataSource));
    }

    /** Joins the caller's transaction when {@code transactionManager} manages the same data source. */
    public JdbcStagingRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.transactions = new TransactionTemplate(transactionManager);
        this.secrets = new StagedSecrets(jdbc);
    }

    @Override
    public void saveRun(AuditRun run) {
        inTransaction(() -> {
            jdbc.update("DELETE FROM stg_run WHERE run_id = ?", run.runId());
            jdbc.update("INSERT INTO stg_run (run_id, status, started_at, payload) VALUES (?, ?, ?, ?)",
                    run.runId(), run.status().name(), Timestamp.from(run.startedAt()), StageJson.write(run));
        });
    }

    @Override
    public Optional<AuditRun> run(String runId) {
        return jdbc.query("SELECT payload FROM stg_run WHERE run_id = ?", json(AuditRun.class), runId)
                .stream().findFirst();
    }

    @Override
    public Optional<AuditRun> latestUnfinishedRun() {
        return jdbc.query("SELECT payload FROM stg_run WHERE status <> ? ORDER BY started_at DESC, run_id DESC"
                        + " FETCH FIRST 1 ROWS ONLY", json(AuditRun.class), AuditRun.Status.PUBLISHED.name())
                .stream().findFirst();
    }

    @Override
    public Optional<AuditRun> latestRun() {
        return jdbc.query("SELECT payload FROM stg_run ORDER BY started_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY",
                json(AuditRun.class)).stream().findFirst();
    }

    @Override
    public void saveAccounts(String runId, List<AccountRef> accounts) {
        inTransaction(() -> {
            jdbc.update("DELETE FROM stg_account WHERE run_id = ?", runId);
            jdbc.batchUpdate("INSERT INTO stg_account (run_id, account_id, list_order, payload) VALUES (?, ?, ?, ?)",
                    java.util.stream.IntStream.range(0, accounts.size()).mapToObj(i -> new Object[]{runId,
                            accounts.get(i).accountId(), i, StageJson.write(accounts.get(i))}).toList());
        });
    }

    @Override
    public List<AccountRef> accounts(String runId) {
        return jdbc.query("SELECT payload FROM stg_account WHERE run_id = ? ORDER BY list_order",
                json(AccountRef.class), runId);
    }

    @Override
    public void saveCoverage(AccountCoverage coverage) {
        inTransaction(() -> {
            jdbc.update("DELETE FROM stg_coverage WHERE run_id = ? AND account_id = ?",
                    coverage.runId(), coverage.accountId());
            jdbc.update("INSERT INTO stg_coverage (run_id, account_id, status, payload) VALUES (?, ?, ?, ?)",
                    coverage.runId(), coverage.accountId(), coverage.status().name(), StageJson.write(coverage));
        });
    }

    @Override
    public List<AccountCoverage> coverage(String runId) {
        return jdbc.query("SELECT payload FROM stg_coverage WHERE run_id = ? ORDER BY account_id",
                json(AccountCoverage.class), runId);
    }

    /**
     * One snapshot write at a time. At 200 accounts x 64 partitions, H2 2.5.252 failed inserts here reading a B-tree
     * page from a chunk not yet on disk ("Reading from file ... failed at 77385178 (length 75497472)"). This lock
     * alone did not prevent it; staging the last-accessed details compressed ({@link CompressedText}, a tenth of the
     * size) did, and the 200- and 800-account benchmark runs since had both. The lock stays because it is what those
     * runs measured and it costs nothing: a write takes milliseconds next to an account's ~20 s of collection. An
     * isolated stress test (64 threads, 600 rows of ~1 MB) did not reproduce the failure.
     */
    private final ReentrantLock snapshotWrites = new ReentrantLock();

    @Override
    public void saveSnapshot(String runId, AccountSnapshot snapshot) {
        snapshotWrites.lock();
        try {
            writeSnapshot(runId, snapshot);
        } finally {
            snapshotWrites.unlock();
        }
    }

    private void writeSnapshot(String runId, AccountSnapshot snapshot) {
        String accountId = snapshot.account().accountId();
        inTransaction(() -> {
            jdbc.update("DELETE FROM stg_snapshot WHERE run_id = ? AND account_id = ?", runId, accountId);
            jdbc.update("INSERT INTO stg_snapshot (run_id, account_id, payload, last_accessed) VALUES (?, ?, ?, ?)",
                    runId, accountId, StageJson.write(snapshot.withLastAccessed(null).withSecrets(null)),
                    CompressedText.compress(StageJson.write(new StagedLastAccessed(snapshot.lastAccessed()))));
            secrets.save(runId, accountId, snapshot.secrets());
        });
    }

    /** Only the payload column is read and rewritten: the compressed last-accessed details stay as staged. */
    @Override
    public boolean replaceAccessAnalyzer(String runId, String accountId, Collected<AccessAnalyzerState> data) {
        snapshotWrites.lock();
        try {
            List<String> payload = jdbc.queryForList("SELECT payload FROM stg_snapshot WHERE run_id = ? AND"
                    + " account_id = ?", String.class, runId, accountId);
            if (payload.isEmpty()) {
                return false;
            }
            AccountSnapshot staged = StageJson.read(payload.get(0), AccountSnapshot.class);
            return jdbc.update("UPDATE stg_snapshot SET payload = ? WHERE run_id = ? AND account_id = ?",
                    StageJson.write(staged.withAccessAnalyzer(data)), runId, accountId) == 1;
        } finally {
            snapshotWrites.unlock();
        }
    }

    /**
     * The last-accessed data set, staged compressed in a column of its own (JSON needs a concrete type around the
     * generic).
     */
    record StagedLastAccessed(Collected<List<PrincipalLastAccessed>> lastAccessed) {
    }

    @Override
    public Optional<AccountSnapshot> snapshot(String runId, String accountId) {
        return jdbc.query("SELECT payload, last_accessed FROM stg_snapshot WHERE run_id = ? AND account_id = ?",
                JdbcStagingRepository::wholeSnapshot, runId, accountId).stream().findFirst()
                .map(s -> s.withSecrets(secrets.load(runId, accountId)));
    }

    private static AccountSnapshot wholeSnapshot(ResultSet rs, int row) throws SQLException {
        AccountSnapshot snapshot = StageJson.read(rs.getString(1), AccountSnapshot.class);
        String lastAccessed = rs.getString(2);
        // rows staged before the column existed carry their last-accessed data in the payload
        return lastAccessed == null ? snapshot
                : snapshot.withLastAccessed(StageJson.read(CompressedText.decompress(lastAccessed),
                        StagedLastAccessed.class).lastAccessed());
    }

    @Override
    public java.util.Set<String> analyzedAccounts(String runId) {
        return new java.util.HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT account_id FROM stg_outcome WHERE run_id = ?", String.class, runId));
    }

    @Override
    public void replaceAnalysis(String runId, String accountId, List<Finding> findings, List<RuleOutcome> outcomes,
                                List<LeastPrivilegeRecommendation> recommendations) {
        inTransaction(() -> {
            for (String table : List.of("stg_finding", "stg_outcome", "stg_recommendation")) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND account_id = ?", runId, accountId);
            }
            jdbc.batchUpdate("INSERT INTO stg_finding (run_id, account_id, finding_id, rule_id, severity, status,"
                            + " payload) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    findings.stream().map(f -> new Object[]{runId, accountId, f.findingId(), f.ruleId(),
                            f.severity().name(), f.status().name(), StageJson.write(f)}).toList());
            jdbc.batchUpdate("INSERT INTO stg_outcome (run_id, account_id, rule_id, outcome, payload)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    outcomes.stream().map(o -> new Object[]{runId, accountId, o.ruleId(), o.outcome().name(),
                            StageJson.write(o)}).toList());
            jdbc.batchUpdate("INSERT INTO stg_recommendation (run_id, account_id, recommendation_id, payload)"
                            + " VALUES (?, ?, ?, ?)",
                    recommendations.stream().map(r -> new Object[]{runId, accountId, r.recommendationId(),
                            StageJson.write(r)}).toList());
        });
    }

    @Override
    public List<LeastPrivilegeRecommendation> recommendations(String runId, String accountId) {
        return jdbc.query("SELECT payload FROM stg_recommendation WHERE run_id = ? AND account_id = ?"
                + " ORDER BY recommendation_id", json(LeastPrivilegeRecommendation.class), runId, accountId);
    }

    @Override
    public void replaceVerification(String runId, String accountId, List<ProposalCheck> checks,
                                    List<AwsRecommendation> recommendations) {
        // one row per key: a principal's group proposal and its own can share nothing but the key's parts
        java.util.Map<String, ProposalCheck> byKey = new java.util.LinkedHashMap<>();
        checks.forEach(c -> byKey.put(c.proposalKey(), c));
        java.util.Map<String, AwsRecommendation> byFinding = new java.util.LinkedHashMap<>();
        recommendations.forEach(r -> byFinding.put(r.findingId(), r));
        inTransaction(() -> {
            jdbc.update("DELETE FROM stg_proposal_check WHERE run_id = ? AND account_id = ?", runId, accountId);
            jdbc.update("DELETE FROM stg_aws_recommendation WHERE run_id = ? AND account_id = ?", runId, accountId);
            jdbc.batchUpdate("INSERT INTO stg_proposal_check (run_id, account_id, check_key, payload) VALUES (?, ?, ?, ?)",
                    byKey.entrySet().stream().map(e -> new Object[]{runId, accountId, e.getKey(),
                            StageJson.write(e.getValue())}).toList());
            jdbc.batchUpdate("INSERT INTO stg_aws_recommendation (run_id, account_id, finding_id, payload)"
                            + " VALUES (?, ?, ?, ?)",
                    byFinding.entrySet().stream().map(e -> new Object[]{runId, accountId, e.getKey(),
                            StageJson.write(e.getValue())}).toList());
        });
    }

    @Override
    public List<ProposalCheck> proposalChecks(String runId, String accountId) {
        return jdbc.query("SELECT payload FROM stg_proposal_check WHERE run_id = ? AND account_id = ? ORDER BY check_key",
                json(ProposalCheck.class), runId, accountId);
    }

    @Override
    public List<AwsRecommendation> awsRecommendations(String runId, String accountId) {
        return jdbc.query("SELECT payload FROM stg_aws_recommendation WHERE run_id = ? AND account_id = ?"
                + " ORDER BY finding_id", json(AwsRecommendation.class), runId, accountId);
    }

    @Override
    public void saveFirstSeen(String runId, List<FirstSeen> firstSeen) {
        inTransaction(() -> {
            for (FirstSeen f : firstSeen) {
                jdbc.update("DELETE FROM stg_first_seen WHERE run_id = ? AND account_id = ? AND finding_id = ?",
                        runId, f.accountId(), f.findingId());
            }
            jdbc.batchUpdate("INSERT INTO stg_first_seen (run_id, account_id, finding_id, first_seen) VALUES (?, ?, ?, ?)",
                    firstSeen.stream().map(f -> new Object[]{runId, f.accountId(), f.findingId(),
                            Timestamp.from(f.firstSeen())}).toList());
        });
    }

    @Override
    public java.util.Map<String, java.time.Instant> firstSeen(String runId, String accountId) {
        java.util.Map<String, java.time.Instant> out = new java.util.HashMap<>();
        jdbc.query("SELECT finding_id, first_seen FROM stg_first_seen WHERE run_id = ? AND account_id = ?",
                rs -> {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, runId, accountId);
        return out;
    }

    @Override
    public Stream<Finding> findings(String runId) {
        return perAccount("stg_finding", "finding_id", runId, Finding.class);
    }

    /**
     * Each account's findings read once, in (rule, finding id) order, regrouped by severity through temporary files
     * ({@link SeveritySpill}): memory stays at one account's slice as in {@link #perAccount}, and the order is the
     * database's as before (severity, account, rule, finding id). The store is read when this is called.
     */
    @Override
    public Stream<Finding> findingsBySeverity(String runId) {
        SeveritySpill spill = new SeveritySpill();
        try {
            List<String> accounts = jdbc.queryForList("SELECT DISTINCT account_id FROM stg_finding WHERE run_id = ?"
                    + " ORDER BY account_id", String.class, runId);
            for (String account : accounts) {
                jdbc.query("SELECT severity, payload FROM stg_finding WHERE run_id = ? AND account_id = ?"
                                + " ORDER BY rule_id, finding_id",
                        (org.springframework.jdbc.core.RowCallbackHandler) rs -> spill.add(rs.getString(1),
                                rs.getString(2)), runId, account);
            }
            return spill.payloads().map(payload -> StageJson.read(payload, Finding.class));
        } catch (RuntimeException | Error e) {
            spill.close();
            throw e;
        }
    }

    /**
     * Counted by the database from the rule, account and status columns, which are staged with each payload: the
     * report's control matrix parsed every finding's JSON for these three values, in the workbook and again in the
     * csv. A status this release does not know is left out.
     */
    @Override
    public List<FindingCount> findingCounts(String runId) {
        List<FindingCount> counts = new java.util.ArrayList<>();
        jdbc.query("SELECT rule_id, account_id, status, COUNT(*) FROM stg_finding WHERE run_id = ?"
                + " GROUP BY rule_id, account_id, status ORDER BY rule_id, account_id, status", rs -> {
                    Finding.Status status = knownStatus(rs.getString(3));
                    if (status != null) {
                        counts.add(new FindingCount(rs.getString(1), rs.getString(2), status, rs.getLong(4)));
                    }
                }, runId);
        return counts;
    }

    private static Finding.Status knownStatus(String name) {
        for (Finding.Status status : Finding.Status.values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return null;
    }

    @Override
    public Stream<RuleOutcome> outcomes(String runId) {
        return perAccount("stg_outcome", "rule_id", runId, RuleOutcome.class);
    }

    @Override
    public Stream<LeastPrivilegeRecommendation> recommendations(String runId) {
        return perAccount("stg_recommendation", "recommendation_id", runId, LeastPrivilegeRecommendation.class);
    }

    /**
     * A run's rows of an analysis table in (account, key) order, one account per query. H2 materializes a whole
     * result set in memory: one query for every finding of an 800-account run held 260,990 payloads (about 360 MB,
     * measured with a class histogram) at the start of the report step. Per account it is a few hundred rows.
     */
    private <T> Stream<T> perAccount(String table, String key, String runId, Class<T> type) {
        List<String> accounts = jdbc.queryForList("SELECT DISTINCT account_id FROM " + table
                + " WHERE run_id = ? ORDER BY account_id", String.class, runId);
        return accounts.stream().flatMap(account -> jdbc.query("SELECT payload FROM " + table
                + " WHERE run_id = ? AND account_id = ? ORDER BY " + key, json(type), runId, account).stream());
    }

    @Override
    public Stream<AccountSnapshot> snapshots(String runId) {
        return snapshotAccounts(runId).flatMap(account -> snapshot(runId, account).stream());
    }

    /** Only the payload column: the report never reads the last-accessed details. */
    @Override
    public Stream<ReportSnapshot> reportSnapshots(String runId) {
        return snapshotAccounts(runId).flatMap(account -> reportSnapshot(runId, account).stream());
    }

    @Override
    public Optional<ReportSnapshot> reportSnapshot(String runId, String accountId) {
        return jdbc.query("SELECT payload FROM stg_snapshot WHERE run_id = ? AND account_id = ?",
                        json(ReportSnapshot.class), runId, accountId).stream().findFirst()
                .map(s -> s.withSecrets(secrets.load(runId, accountId)));
    }

    private Stream<String> snapshotAccounts(String runId) {
        // One payload per query: a snapshot is megabytes of JSON, and H2 (like PostgreSQL's driver by default) holds a
        // whole result set in memory, so one query for all of them made the report step's heap grow with the
        // organization (bench: peak live heap 237 MiB at 10 accounts, 581 MiB at 20, at the end of the report step).
        return jdbc.queryForList(
                "SELECT account_id FROM stg_snapshot WHERE run_id = ? ORDER BY account_id", String.class, runId).stream();
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    private static <T> org.springframework.jdbc.core.RowMapper<T> json(Class<T> type) {
        return (rs, row) -> StageJson.read(rs.getString(1), type);
    }
}
