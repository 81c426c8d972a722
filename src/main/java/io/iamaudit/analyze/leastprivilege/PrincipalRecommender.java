package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.FindingIds;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The recommendation for one principal: safety rails, usage, one proposal per policy document, the verdict. */
final class PrincipalRecommender {
    private final ProposalBuilder proposals;
    private final ActionCounter counter;
    private final AuditRoleActions auditRole;

    PrincipalRecommender(ActionCatalog catalog, AuditRoleActions auditRole) {
        this.proposals = new ProposalBuilder(new PolicyRewriter(catalog));
        this.counter = new ActionCounter(catalog);
        this.auditRole = auditRole;
    }

    LeastPrivilegeRecommendation recommend(Subject s, LeastPrivilegeEngine.Inputs in) {
        Thresholds t = in.ctx().thresholds();
        GrantedActions granted = counter.granted(s.policies().sources().stream().map(PolicySource::document).toList());
        var skip = SafetyRails.skipReason(s, t, in.windowStart());
        StringBuilder whyNot = new StringBuilder();
        Usage usage = skip.isPresent() ? null : in.usage(s.arn(), whyNot);
        if (skip.isPresent() || usage == null) {
            String reason = skip.orElse(whyNot.toString());
            return build(s, in, Verdict.SKIPPED, "skipped: " + reason, granted, granted, null, List.of(),
                    List.of(reason));
        }
        AnalyzerEvidence analyzer = in.analyzer(s.arn());
        Instant lastUse = Stream.of(usage.lastUse().orElse(null), s.lastUsed(),
                "User".equals(s.type()) ? in.credentialUse(s.arn()) : null)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        boolean unused = usage.usedServices().isEmpty() && (lastUse == null || lastUse.isBefore(in.windowStart()));
        String unusedEvidence = s.type().toLowerCase(java.util.Locale.ROOT) + " unused since the window start "
                + Evidence.date(in.windowStart()) + " (last use " + Evidence.date(lastUse) + ")"
                + (analyzer.unusedRoleFinding() == null ? "" : ", Access Analyzer finding "
                + analyzer.unusedRoleFinding());
        UsageDecider decider = new UsageDecider(usage, analyzer);
        List<String> notes = new ArrayList<>();
        boolean isAuditRole = auditRole.isAuditRole(s.type(), s.name());
        if (isAuditRole) {
            unused = false;
            decider = decider.forAuditRole(auditRole);
            notes.add(auditRole.keepNote());
        }
        if (unused) {
            decider = decider.withPrincipalUnused(unusedEvidence);
        }
        List<PolicyProposal> list = new ArrayList<>();
        for (PolicySource src : s.policies().sources()) {
            list.add(proposals.proposal(src, s, in, decider, notes));
        }
        list = proposals.checkInlineAggregate(list, s.type(), notes);
        GrantedActions kept = counter.granted(list.stream().map(PolicyProposal::proposedDocument)
                .filter(Objects::nonNull).toList());
        if (isAuditRole) {
            auditRole.beyondRequired(counter.names(kept)).ifPresent(notes::add);
        }
        Verdict verdict;
        String reason;
        if (unused) {
            verdict = Verdict.DELETE_UNUSED_PRINCIPAL;
            reason = unusedEvidence + ": " + ("Role".equals(s.type()) ? "delete the role"
                    : "disable its credentials, then delete it");
        } else if (list.stream().anyMatch(p -> !p.removed().isEmpty())) {
            verdict = Verdict.NARROW;
            reason = "unused permissions found in " + list.stream().filter(p -> !p.removed().isEmpty()).count()
                    + " of " + list.size() + " policy document(s)";
        } else {
            verdict = Verdict.KEEP;
            reason = list.isEmpty() ? "no identity policies" : "nothing granted is provably unused";
        }
        return build(s, in, verdict, reason, granted, kept, usage, list, notes);
    }

    private LeastPrivilegeRecommendation build(Subject s, LeastPrivilegeEngine.Inputs in, Verdict verdict,
                                               String reason, GrantedActions granted, GrantedActions kept, Usage usage,
                                               List<PolicyProposal> list, List<String> notes) {
        Set<String> grantedServices = counter.services(granted);
        Set<String> used = usage == null ? Set.of() : usage.usedServices();
        Set<String> unusedServices = new TreeSet<>(grantedServices);
        unusedServices.removeAll(used);
        if (usage == null) {
            unusedServices.clear();
        }
        long removed = granted.countNotIn(kept);
        int grantedCount = granted.size();
        double reduction = grantedCount == 0 ? 0 : Math.round(removed * 1000.0 / grantedCount) / 10.0;
        int usedActions = usage == null ? 0 : (int) usage.services().values().stream()
                .flatMap(x -> x.actions().values().stream()).filter(o -> usage.used(o.orElse(null))).count();
        Set<String> unusedActions = new TreeSet<>();
        list.forEach(p -> p.removed().forEach(r -> unusedActions.add(r.permission())));
        Instant lastUsed = Stream.of(usage == null ? null : usage.lastUse().orElse(null), s.lastUsed())
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        String accountId = in.snapshot().account().accountId();
        return new LeastPrivilegeRecommendation(FindingIds.recommendationId(accountId, s.arn()), in.ctx().runId(),
                accountId, s.type(), s.name(), s.arn(), verdict, reason, List.copyOf(grantedServices),
                List.copyOf(used), List.copyOf(unusedServices), grantedCount, usedActions,
                List.copyOf(unusedActions), lastUsed, reduction, list, List.copyOf(new LinkedHashSet<>(notes)));
    }

    static boolean withinGrace(PolicySource src, Instant asOf, Thresholds t) {
        return src.versionCreateDate() != null
                && src.versionCreateDate().isAfter(asOf.minus(Duration.ofDays(t.gracePeriodDays())));
    }

    static String json(ObjectNode node) {
        return node == null ? null : node.toString();
    }
}
