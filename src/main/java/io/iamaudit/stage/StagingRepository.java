package io.iamaudit.stage;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The staging store: everything a run collects and derives, keyed by run and account. Every save is an upsert (or a
 * replace of the account's rows), so a retried or restarted partition never duplicates rows. Streams are read lazily,
 * a slice (one account) at a time, so reports stay in flat memory; close them (try-with-resources) so that an
 * implementation that does hold a cursor can release it.
 */
public interface StagingRepository {

    void saveRun(AuditRun run);

    Optional<AuditRun> run(String runId);

    /** The newest run that did not reach PUBLISHED, if any (what {@code restart} resumes). */
    Optional<AuditRun> latestUnfinishedRun();

    /** The newest run of any status, if any. */
    Optional<AuditRun> latestRun();

    void saveAccounts(String runId, List<AccountRef> accounts);

    List<AccountRef> accounts(String runId);

    void saveCoverage(AccountCoverage coverage);

    List<AccountCoverage> coverage(String runId);

    void saveSnapshot(String runId, AccountSnapshot snapshot);

    Optional<AccountSnapshot> snapshot(String runId, String accountId);

    /**
     * Replaces the Access Analyzer data set of a staged snapshot, leaving the rest as staged: the organization's
     * findings can arrive after the account's IAM data was staged.
     *
     * @return false when the account has no staged snapshot in the run
     */
    default boolean replaceAccessAnalyzer(String runId, String accountId, Collected<AccessAnalyzerState> data) {
        Optional<AccountSnapshot> staged = snapshot(runId, accountId);
        staged.ifPresent(s -> saveSnapshot(runId, s.withAccessAnalyzer(data)));
        return staged.isPresent();
    }

    /**
     * The accounts this run has analysed: those with rule outcomes (every rule of the catalog leaves one, and
     * {@link #replaceAnalysis} writes them in the same transaction as the findings), so an account analysed beside
     * collection is not analysed again by the analyze step or a restart.
     */
    default java.util.Set<String> analyzedAccounts(String runId) {
        try (Stream<RuleOutcome> outcomes = outcomes(runId)) {
            return outcomes.map(RuleOutcome::accountId).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Replaces the account's findings, outcomes and recommendations of this run in one transaction. */
    void replaceAnalysis(String runId, String accountId, List<Finding> findings, List<RuleOutcome> outcomes,
                         List<LeastPrivilegeRecommendation> recommendations);

    Stream<Finding> findings(String runId);

    /**
     * The run's findings in the report's order: severity (most severe first), then account, rule and finding id.
     * This default sorts in memory; the JDBC store streams the same order one (severity, account) slice at a time.
     */
    default Stream<Finding> findingsBySeverity(String runId) {
        java.util.List<Finding> all;
        try (Stream<Finding> findings = findings(runId)) {
            all = new java.util.ArrayList<>(findings.toList());
        }
        all.sort(FINDING_REPORT_ORDER);
        return all.stream();
    }

    /** Severity, account, rule, finding id: what an auditor reads first comes first. */
    java.util.Comparator<Finding> FINDING_REPORT_ORDER = java.util.Comparator
            .comparing(Finding::severity, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(Finding::accountId, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(Finding::ruleId, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(Finding::findingId, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /** The run's findings counted per (rule, account, status), in that order. */
    default List<FindingCount> findingCounts(String runId) {
        try (Stream<Finding> findings = findings(runId)) {
            return FindingCount.of(findings);
        }
    }

    /**
     * Records when findings were first seen by earlier published runs (replacing what the run had), so this run's
     * findings keep their first-seen date: the output store, not the local database, carries the history.
     */
    void saveFirstSeen(String runId, List<FirstSeen> firstSeen);

    /** The earlier first-seen dates of an account's findings, by finding id. */
    java.util.Map<String, java.time.Instant> firstSeen(String runId, String accountId);

    Stream<RuleOutcome> outcomes(String runId);

    Stream<LeastPrivilegeRecommendation> recommendations(String runId);

    /** One account's recommendations (the verify step works account by account). */
    default List<LeastPrivilegeRecommendation> recommendations(String runId, String accountId) {
        try (Stream<LeastPrivilegeRecommendation> all = recommendations(runId)) {
            return all.filter(r -> accountId.equals(r.accountId())).toList();
        }
    }

    /**
     * Replaces the account's Access Analyzer checks of proposals and AWS's recommendations of this run in one
     * transaction (the verify step). Defaults keep test stores that predate the step compiling; they stage nothing.
     */
    default void replaceVerification(String runId, String accountId, List<ProposalCheck> checks,
                                     List<AwsRecommendation> recommendations) {
        throw new UnsupportedOperationException("this store does not stage verification");
    }

    /** The account's staged proposal checks (empty when the account was not verified). */
    default List<ProposalCheck> proposalChecks(String runId, String accountId) {
        return List.of();
    }

    /** The account's staged AWS recommendations. */
    default List<AwsRecommendation> awsRecommendations(String runId, String accountId) {
        return List.of();
    }

    /** Streams the staged snapshots of every audited account of the run, one account in memory at a time. */
    Stream<AccountSnapshot> snapshots(String runId);

    /** One account's entry of {@link #reportSnapshots}, if it has a staged snapshot. */
    default Optional<ReportSnapshot> reportSnapshot(String runId, String accountId) {
        return snapshot(runId, accountId).map(ReportSnapshot::of);
    }

    /** As {@link #snapshots}, only the parts the report's per-account tables show. */
    default Stream<ReportSnapshot> reportSnapshots(String runId) {
        return snapshots(runId).map(ReportSnapshot::of);
    }
}
