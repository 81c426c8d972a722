package io.iamaudit.report;

import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleDisplays;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.RuleOutcome;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.StagingRepository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run's report input, read only through {@link StagingRepository}. Findings, outcomes and recommendations stream
 * from the store; per-account tables stream one snapshot at a time.
 */
public final class ReportSource {
    private final StagingRepository repository;
    private final String runId;
    private final ReportTables tables;

    public ReportSource(StagingRepository repository, String runId, ReportTables tables) {
        this.repository = repository;
        this.runId = runId;
        this.tables = tables;
    }

    public AuditRun run() {
        return repository.run(runId).orElseThrow(() -> new IllegalArgumentException("no staged run " + runId));
    }

    public ReportContext context(Instant generatedAt, String toolVersion, String ruleCatalogVersion) {
        return new ReportContext(run(), repository.accounts(runId).size(), repository.coverage(runId), generatedAt,
                toolVersion, ruleCatalogVersion);
    }

    public ReportTables tables() {
        return tables;
    }

    public TableRows<Finding> findings() {
        // the default order an auditor reads in (and sorts back to): severity, then account, then rule
        return new TableRows<>(tables.findings(), () -> repository.findingsBySeverity(runId));
    }

    /** Every table after Findings, in sheet order. */
    public List<TableRows<?>> otherTables() {
        return List.of(
                new TableRows<>(tables.leastPrivilege(), () -> VerifiedRecommendation.stream(repository, runId)),
                new TableRows<>(tables.credentials(),
                        () -> repository.reportSnapshots(runId).flatMap(SnapshotRows::credentials)),
                new TableRows<>(tables.principals(),
                        () -> repository.reportSnapshots(runId).flatMap(SnapshotRows::principals)),
                new TableRows<>(tables.accessAnalyzer(),
                        () -> repository.reportSnapshots(runId).flatMap(SnapshotRows::analyzerFindings)),
                new TableRows<>(tables.secrets(), this::secrets),
                new TableRows<>(tables.coverage(), this::coverage),
                new TableRows<>(tables.controls(), this::controls),
                new TableRows<>(ControlMatrixTable.of(repository.coverage(runId)), this::controlMatrix));
    }

    /** Reads outcomes once more, and the findings' counts (not the findings) from the store. */
    private Stream<ControlMatrix.Row> controlMatrix() {
        try (Stream<RuleOutcome> outcomes = repository.outcomes(runId)) {
            return ControlMatrix.build(io.iamaudit.analyze.rules.Rules.catalog(), RuleDisplays.standard(), repository.coverage(runId),
                    outcomes, repository.findingCounts(runId)).stream();
        }
    }

    /** Each account's coverage with the rules that threw on it, counted from the staged outcomes. */
    private Stream<CoverageRow> coverage() {
        Map<String, Long> ruleErrors;
        try (Stream<RuleOutcome> outcomes = repository.outcomes(runId)) {
            ruleErrors = outcomes.filter(o -> o.outcome() == RuleOutcome.Outcome.RULE_ERROR)
                    .collect(java.util.stream.Collectors.groupingBy(RuleOutcome::accountId,
                            java.util.stream.Collectors.counting()));
        }
        return repository.coverage(runId).stream()
                .map(c -> new CoverageRow(c, ruleErrors.getOrDefault(c.accountId(), 0L)));
    }

    private Stream<SecretRow> secrets() {
        java.util.Set<String> organization = new java.util.HashSet<>();
        repository.accounts(runId).forEach(a -> organization.add(a.accountId()));
        return repository.reportSnapshots(runId).flatMap(s -> SnapshotRows.secrets(s, organization));
    }

    /** All tables in sheet order. */
    public List<TableRows<?>> allTables() {
        return Stream.concat(Stream.of(findings()), otherTables().stream()).toList();
    }

    /** All tables in sheet order, each Least privilege row also handed to {@code onRecommendation} as it is read. */
    List<TableRows<?>> allTables(java.util.function.Consumer<VerifiedRecommendation> onRecommendation) {
        Table<VerifiedRecommendation> leastPrivilege = tables.leastPrivilege();
        return allTables().stream().<TableRows<?>>map(t -> t.table() != leastPrivilege ? t : new TableRows<>(
                leastPrivilege, () -> VerifiedRecommendation.stream(repository, runId).peek(onRecommendation)))
                .toList();
    }

    private Stream<ControlRow> controls() {
        Map<String, String> names = new HashMap<>();
        for (AccountCoverage c : repository.coverage(runId)) {
            names.put(c.accountId(), c.accountName());
        }
        for (AccountRef a : repository.accounts(runId)) {
            names.put(a.accountId(), a.name());
        }
        return repository.outcomes(runId).map(o -> new ControlRow(o, names.get(o.accountId())));
    }
}
