package io.iamaudit.job;

import io.iamaudit.collect.AccountCollection;
import io.iamaudit.collect.OrganizationFindings;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Collected;
import io.iamaudit.stage.StagingRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stages a collected account whose Access Analyzer findings the organization-wide listing reads. When the listing
 * has ended, the findings go into the snapshot before it is staged, as with a per-account listing. Otherwise the
 * snapshot is staged now with its findings {@link OrganizationFindings#PENDING} and the account stays PENDING in
 * coverage; when the listing ends the findings replace that data set and only then is the account AUDITED. A run
 * killed in between collects the account again on restart, as any account not yet AUDITED. Once AUDITED, the account
 * is handed to the analysis beside collection.
 */
final class AccountStaging {

    private final StagingRepository staging;
    private final String runId;
    private final AnalysisBesideCollection analysis;

    AccountStaging(StagingRepository staging, String runId, AnalysisBesideCollection analysis) {
        this.staging = staging;
        this.runId = runId;
        this.analysis = analysis;
    }

    /** Stages the account; returns its coverage for the progress log (without the findings when they come later). */
    AccountCoverage stage(AccountSnapshot snapshot, AccountCoverage collected, OrganizationFindings findings) {
        String accountId = snapshot.account().accountId();
        Map<String, Instant> roleLastUse = OrganizationFindings.roleLastUse(snapshot.authorization());
        if (findings.ended()) {
            AccountSnapshot complete = snapshot.withAccessAnalyzer(findings.state(accountId, roleLastUse));
            AccountCoverage coverage = new AccountCollection(complete, collected.awsCalls(), Map.of()).coverage(runId);
            staging.saveSnapshot(runId, complete);
            staging.saveCoverage(coverage);
            if (coverage.status() == AccountCoverage.Status.AUDITED) {
                analysis.complete(complete);
            }
            return coverage;
        }
        AccountCoverage withoutFindings = new AccountCollection(
                snapshot.withAccessAnalyzer(Collected.of(new AccessAnalyzerState(List.of(), List.of()))),
                collected.awsCalls(), Map.of()).coverage(runId);
        staging.saveSnapshot(runId, snapshot);
        findings.whenComplete(() -> {
            Collected<AccessAnalyzerState> state = findings.state(accountId, roleLastUse);
            String reason = withoutFindings.reason();
            if (!staging.replaceAccessAnalyzer(runId, accountId, state)) {
                state = Collected.failed("the staged snapshot was gone when the organization's findings arrived");
            }
            if (state.missing()) {
                reason = (reason == null || reason.isBlank() ? "" : reason + "; ") + "accessAnalyzer: " + state.error();
            }
            staging.saveCoverage(new AccountCoverage(runId, accountId, withoutFindings.accountName(),
                    withoutFindings.ouPath(), AccountCoverage.Status.AUDITED, reason, withoutFindings.collectedAt(),
                    withoutFindings.awsCalls()));
            analysis.complete(accountId);
        });
        return withoutFindings;
    }
}
