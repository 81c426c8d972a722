package io.iamaudit.job;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.run.AccountAnalysis;
import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.StagingRepository;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one account of a run is analysed and its result staged, the same whether it happens beside collection (as soon
 * as the account is complete) or in the analyze step: the run's context (its organization's accounts, the management
 * account), the rules, then the first-seen dates earlier published runs recorded.
 */
final class RunAnalysis {

    private final StagingRepository staging;
    private final AccountAnalyzer analyzer;
    private final AnalysisContext context;
    private final String runId;

    private RunAnalysis(StagingRepository staging, AccountAnalyzer analyzer, AnalysisContext context, String runId) {
        this.staging = staging;
        this.analyzer = analyzer;
        this.context = context;
        this.runId = runId;
    }

    /** The run's analysis; discovery must have staged the run and its accounts. */
    static RunAnalysis of(StagingRepository staging, AccountAnalyzer analyzer, AnalysisContext template,
                          String runId) {
        Set<String> organization = staging.accounts(runId).stream().map(AccountRef::accountId)
                .collect(Collectors.toSet());
        AnalysisContext context = new AnalysisContext(runId, template.clock(), template.thresholds(),
                template.exceptions(), organization)
                .withManagementAccountId(staging.run(runId).map(AuditRun::managementAccountId).orElse(null));
        return new RunAnalysis(staging, analyzer, context, runId);
    }

    AnalysisContext context() {
        return context;
    }

    /** The account's analysis from its staged snapshot; empty when none is staged. */
    Optional<AccountAnalysis> analyze(String accountId) {
        return staging.snapshot(runId, accountId).map(this::analyze);
    }

    AccountAnalysis analyze(AccountSnapshot snapshot) {
        String accountId = snapshot.account().accountId();
        try (var ids = RunLogContext.account(runId, accountId)) {
            return withHistory(analyzer.analyze(snapshot, context), staging.firstSeen(runId, accountId));
        }
    }

    /** Replaces whatever the run had staged for the account (idempotent: a restart may analyse it again). */
    void stage(AccountAnalysis analysis) {
        staging.replaceAnalysis(runId, analysis.accountId(), analysis.findings(), analysis.outcomes(),
                analysis.recommendations());
    }

    /** Keeps the first-seen date an earlier published run recorded for the same finding. */
    static AccountAnalysis withHistory(AccountAnalysis analysis, Map<String, Instant> firstSeen) {
        if (firstSeen.isEmpty()) {
            return analysis;
        }
        return new AccountAnalysis(analysis.accountId(), analysis.findings().stream()
                .map(f -> f.withFirstSeenNoLaterThan(firstSeen.get(f.findingId()))).toList(),
                analysis.outcomes(), analysis.recommendations());
    }
}
