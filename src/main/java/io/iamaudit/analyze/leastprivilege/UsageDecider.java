package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.leastprivilege.Usage.ServiceUse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one concrete action, whether the evidence allows removing it (Repokid's "repoable permission
 * decision"): the decision records the evidence that made it.
 */
public final class UsageDecider {

    /** KEEP: used or not provably unused; REMOVE: unused with evidence; REVIEW: kept, but a person should look. */
    public enum Kind { KEEP, REMOVE, REVIEW }

    /** One decision and its evidence. */
    public record Decision(Kind kind, String evidence) {
    }

    private static final Decision KEEP = new Decision(Kind.KEEP, null);

    /** The flag a document gets when a used service's action-level data shows nothing used. */
    public static final String CONTRADICTORY = "contradictory evidence: review";

    private final Usage usage;
    private final AnalyzerEvidence analyzer;
    private final String principalEvidence;
    private final AuditRoleActions auditRole;
    /**
     * {@link Usage#contradictory} by namespace: asked for every action removed on action-level evidence, and each
     * answer scans the service's tracked actions. Depends on the usage only; one principal's analysis, one thread.
     */
    private final Map<String, Boolean> contradictory;

    public UsageDecider(Usage usage, AnalyzerEvidence analyzer) {
        this(usage, analyzer, null, AuditRoleActions.none(), new HashMap<>());
    }

    private UsageDecider(Usage usage, AnalyzerEvidence analyzer, String principalEvidence,
                         AuditRoleActions auditRole, Map<String, Boolean> contradictory) {
        this.usage = usage;
        this.analyzer = analyzer;
        this.principalEvidence = principalEvidence;
        this.auditRole = auditRole;
        this.contradictory = contradictory;
    }

    /** The same decider, adding to every removal that the principal as a whole is unused (and why). */
    public UsageDecider withPrincipalUnused(String evidence) {
        return new UsageDecider(usage, analyzer, evidence, auditRole, contradictory);
    }

    /** The same decider for the audit role: the actions the audit calls are always kept. */
    public UsageDecider forAuditRole(AuditRoleActions role) {
        return new UsageDecider(usage, analyzer, principalEvidence, role, contradictory);
    }

    /** The actions kept whatever the evidence (the audit's own, on the audit role); empty otherwise. */
    public AuditRoleActions auditRole() {
        return auditRole;
    }

    public Usage usage() {
        return usage;
    }

    public Decision decide(String action) {
        if (auditRole.required(action)) {
            return KEEP;
        }
        if (UntrackedActions.contains(action)) {
            return new Decision(Kind.REVIEW, action + ": last-accessed cannot see it; kept for review");
        }
        String ns = action.substring(0, Math.max(0, action.indexOf(':')));
        Optional<ServiceUse> service = usage.service(ns);
        if (service.isEmpty()) {
            return analyzer.unused(action)
                    .map(id -> new Decision(Kind.REMOVE, "Access Analyzer finding " + id + " reports it unused"
                            + (principalEvidence == null ? "" : "; " + principalEvidence)))
                    .orElse(new Decision(Kind.REVIEW, ns + ": no last-accessed data for the service; kept"));
        }
        ServiceUse s = service.get();
        if (!usage.used(s.lastAuthenticated())) {
            return new Decision(Kind.REMOVE, serviceEvidence(s) + suffix(analyzer.unused(action)));
        }
        if (!s.tracked()) {
            return KEEP;
        }
        Optional<Instant> tracked = s.actions().get(action.toLowerCase(Locale.ROOT));
        if (tracked != null && !usage.used(tracked.orElse(null))) {
            return new Decision(Kind.REMOVE, "last-accessed (action level): " + action + " last used "
                    + tracked.map(Evidence::date).orElse("never") + ", window starts "
                    + Evidence.date(usage.windowStart()) + suffix(analyzer.unused(action))
                    + (contradictory.computeIfAbsent(ns, usage::contradictory) ? "; " + contradiction(s) : ""));
        }
        return KEEP;
    }

    /** The note of a service {@link Usage#contradictory contradicting} its own action-level data. */
    public String contradiction(ServiceUse s) {
        return CONTRADICTORY + ": " + s.namespace() + " last used " + Evidence.date(s.lastAuthenticated())
                + ", inside the window, yet action-level data shows none of its tracked actions used; its untracked "
                + "actions are kept and only tracked actions shown unused are removed";
    }

    /** Why a whole service counts as unused. */
    public String serviceEvidence(ServiceUse s) {
        return "last-accessed: " + s.namespace() + (s.lastAuthenticated() == null
                ? " never used in AWS's tracking period (400 days)"
                : " last used " + Evidence.date(s.lastAuthenticated()) + ", before the window start "
                + Evidence.date(usage.windowStart())) + (principalEvidence == null ? "" : "; " + principalEvidence);
    }

    private String suffix(Optional<String> finding) {
        return finding.map(id -> "; Access Analyzer finding " + id + " agrees").orElse("")
                + (principalEvidence == null ? "" : "; " + principalEvidence);
    }
}
