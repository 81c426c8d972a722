package io.iamaudit.job;

import io.iamaudit.analyze.leastprivilege.AwsRecommendationComparison;
import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsErrors;
import io.iamaudit.collect.CallCounter;
import io.iamaudit.collect.FindingRecommendationCollector;
import io.iamaudit.collect.OrgAnalyzers;
import io.iamaudit.collect.Poller;
import io.iamaudit.collect.ProposalVerifier;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ProposalCheck;
import io.iamaudit.stage.StagingRepository;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verifies one account: starts AWS's recommendations for its unused-permission findings, has Access Analyzer check
 * each proposal while AWS works on them, collects the recommendations and compares them with ours, stages it all and
 * records in the account's coverage what could not be verified and the calls made. A check staged by an earlier
 * attempt of the run for the same documents is reused, so a restart pays for no CheckNoNewAccess twice; so is a check
 * another account of the run already made on the same documents (both checks are pure functions of the documents, and
 * organizations deploy the same roles and policies to every account), which keeps the calls on Access Analyzer's quota
 * to one per distinct proposal of the run.
 */
final class AccountVerification {

    /** Starts the part of a coverage reason this step writes, so a rerun replaces it instead of repeating it. */
    static final String NOT_VERIFIED = "not verified by Access Analyzer: ";

    /** What one account's verification found, for the run's result. */
    record Outcome(int defects, int notVerified) {
    }

    private final StagingRepository staging;
    private final AwsClientFactory sharedQuota;
    private final AccessAnalyzerCheckProperties checks;
    private final AwsRecommendationComparison comparison;
    private final Function<String, AccountSession> openSession;
    private final Poller poller;
    /**
     * The checks this run made or is making, by documents hash: one instance serves one run's verify step, on its
     * threads; a thread finding a check in flight waits for it rather than asking AWS the same question.
     */
    private final Map<String, CompletableFuture<ProposalCheck>> checkedInRun = new ConcurrentHashMap<>();

    AccountVerification(StagingRepository staging, AwsClientFactory sharedQuota, AccessAnalyzerCheckProperties checks,
                        AwsRecommendationComparison comparison, Function<String, AccountSession> openSession,
                        Poller poller) {
        this.staging = staging;
        this.sharedQuota = sharedQuota;
        this.checks = checks;
        this.comparison = comparison;
        this.openSession = openSession;
        this.poller = poller;
    }

    Outcome verify(String runId, AccountCoverage coverage, OrgAnalyzers org) {
        String accountId = coverage.accountId();
        CallCounter counter = new CallCounter();
        List<LeastPrivilegeRecommendation> ours = staging.recommendations(runId, accountId);
        List<AnalyzerFinding> findings = checks.findingRecommendations() ? recommendable(runId, accountId) : List.of();
        List<String> reasons = new ArrayList<>();

        List<ProposalCheck> proposalChecks = new ArrayList<>();
        if (checks.validatePolicy()) {
            try (AccessAnalyzerClient client = sharedQuota.accessAnalyzer(sharedQuota.settings().credentials(), counter)) {
                proposalChecks = checkProposals(runId, accountId, ours, new ProposalVerifier(client,
                        checks.checkNoNewAccess()));
            }
        }
        List<AwsRecommendation> recommendations = recommendations(accountId, findings, org, counter);
        Map<String, LeastPrivilegeRecommendation> byArn = new HashMap<>();
        ours.forEach(r -> byArn.put(r.principalArn(), r));
        recommendations = recommendations.stream().map(a -> comparison.compare(a, byArn.get(a.resourceArn()))).toList();
        staging.replaceVerification(runId, accountId, proposalChecks, recommendations);

        long unverifiedChecks = proposalChecks.stream().filter(c -> !c.verified()).count();
        if (unverifiedChecks > 0) {
            reasons.add(unverifiedChecks + " proposals (" + proposalChecks.stream().filter(c -> !c.verified())
                    .map(ProposalCheck::notVerified).distinct().limit(3).toList() + ")");
        }
        long unverifiedRecommendations = recommendations.stream().filter(r -> "NOT_VERIFIED".equals(r.status())).count();
        if (unverifiedRecommendations > 0) {
            reasons.add(unverifiedRecommendations + " AWS recommendations (" + recommendations.stream()
                    .filter(r -> "NOT_VERIFIED".equals(r.status())).map(AwsRecommendation::error).distinct().limit(3)
                    .toList() + ")");
        }
        staging.saveCoverage(withVerification(coverage, reasons, counter.counts()));
        int defects = (int) proposalChecks.stream().filter(c -> c.noNewAccess() == ProposalCheck.Outcome.FAIL).count();
        return new Outcome(defects, (int) (unverifiedChecks + unverifiedRecommendations));
    }

    private List<ProposalCheck> checkProposals(String runId, String accountId, List<LeastPrivilegeRecommendation> ours,
                                               ProposalVerifier verifier) {
        Map<String, ProposalCheck> earlier = new HashMap<>();
        for (ProposalCheck c : staging.proposalChecks(runId, accountId)) {
            if (c.verified() && (c.noNewAccess() != ProposalCheck.Outcome.NOT_RUN || !checks.checkNoNewAccess())) {
                earlier.putIfAbsent(c.documentsHash(), c);
            }
        }
        List<ProposalCheck> out = new ArrayList<>();
        for (LeastPrivilegeRecommendation r : ours) {
            for (PolicyProposal p : r.proposals()) {
                String hash = ProposalVerifier.documentsHash(p.originalDocument(), p.proposedDocument());
                // a group's proposal recurs in every member's recommendation: one check serves them all
                ProposalCheck done = earlier.get(hash);
                ProposalCheck check = done != null ? forProposal(done, accountId, r.recommendationId(), p)
                        : checkOnce(hash, accountId, r.recommendationId(), p, verifier);
                if (done == null && check.verified()) {
                    earlier.put(hash, check);
                }
                out.add(check);
            }
        }
        return out;
    }

    /** The run's one check of these documents; an unverified one (throttled, denied) is not shared, but retried. */
    private ProposalCheck checkOnce(String hash, String accountId, String recommendationId, PolicyProposal p,
                                    ProposalVerifier verifier) {
        CompletableFuture<ProposalCheck> mine = new CompletableFuture<>();
        CompletableFuture<ProposalCheck> first = checkedInRun.putIfAbsent(hash, mine);
        if (first != null) {
            ProposalCheck theirs = first.join();
            return theirs != null && theirs.verified() ? forProposal(theirs, accountId, recommendationId, p)
                    : verifier.verify(accountId, recommendationId, p);
        }
        ProposalCheck check = null;
        try {
            check = verifier.verify(accountId, recommendationId, p);
            return check;
        } finally {
            if (check == null || !check.verified()) {
                checkedInRun.remove(hash, mine);
            }
            mine.complete(check);
        }
    }

    private static ProposalCheck forProposal(ProposalCheck c, String accountId, String recommendationId,
                                             PolicyProposal p) {
        return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), c.documentsHash(),
                c.validation(), c.issues(), c.noNewAccess(), c.noNewAccessMessage(), c.notVerified());
    }

    private List<AnalyzerFinding> recommendable(String runId, String accountId) {
        return staging.snapshot(runId, accountId)
                .flatMap(s -> s.accessAnalyzer().get())
                .map(AccessAnalyzerState::findings).orElse(List.of()).stream()
                .filter(FindingRecommendationCollector::recommendable).toList();
    }

    /**
     * Organization analyzers' findings are asked in their owner (the delegated administrator); an account analyzer's
     * in its own account, through the audit role.
     */
    private List<AwsRecommendation> recommendations(String accountId, List<AnalyzerFinding> findings,
                                                    OrgAnalyzers org, CallCounter counter) {
        if (findings.isEmpty()) {
            return List.of();
        }
        Map<String, List<AnalyzerFinding>> byOwner = new TreeMap<>();
        findings.forEach(f -> byOwner.computeIfAbsent(arnAccount(f.analyzerArn()), k -> new ArrayList<>()).add(f));
        Map<String, AwsRecommendation> out = new LinkedHashMap<>();
        byOwner.forEach((owner, list) -> {
            try {
                if (owner.equals(org.ownerAccountId()) && !org.active().isEmpty()) {
                    try (AccessAnalyzerClient client = org.clientCountingInto(counter)) {
                        collect(accountId, list, client, out);
                    }
                } else {
                    try (AccountSession session = openSession.apply(owner);
                         AccessAnalyzerClient client = session.accessAnalyzerCountingInto(counter)) {
                        collect(accountId, list, client, out);
                    }
                }
            } catch (RuntimeException e) {
                list.forEach(f -> out.put(f.id(), new AwsRecommendation(accountId, f.id(), f.analyzerArn(),
                        f.resource(), "NOT_VERIFIED", "cannot reach analyzer owner " + owner + ": "
                        + AwsErrors.describe(e), List.of(), null, List.of(), List.of(), null)));
            }
        });
        return findings.stream().map(f -> out.get(f.id())).toList();
    }

    private void collect(String accountId, List<AnalyzerFinding> list, AccessAnalyzerClient client,
                         Map<String, AwsRecommendation> out) {
        new FindingRecommendationCollector(client, poller).collect(accountId, list).forEach(r -> out.put(r.findingId(), r));
    }

    static String arnAccount(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    /** The coverage with this step's reason (replacing an earlier attempt's) and its calls added. */
    static AccountCoverage withVerification(AccountCoverage c, List<String> reasons, Map<String, Long> calls) {
        String base = c.reason() == null ? "" : c.reason();
        int mark = base.indexOf(NOT_VERIFIED);
        if (mark >= 0) {
            base = base.substring(0, mark).replaceAll("[;\\s]+$", "");
        }
        String reason = reasons.isEmpty() ? base
                : (base.isBlank() ? "" : base + "; ") + NOT_VERIFIED + String.join("; ", reasons);
        Map<String, Long> merged = new TreeMap<>(c.awsCalls());
        calls.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return new AccountCoverage(c.runId(), c.accountId(), c.accountName(), c.ouPath(), c.status(),
                reason.isBlank() && c.reason() == null ? null : reason, c.collectedAt(), merged);
    }
}
