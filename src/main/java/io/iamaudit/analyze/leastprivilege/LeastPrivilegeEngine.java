package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.policy.ActionCatalog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Least-privilege recommendations for every user and role of an account. Group policies are rewritten with the
 * merged usage of all the group's members (only what no member used is removed); if any member lacks last-accessed
 * data the group policy is kept unchanged, with a note. Without authorization details there is nothing to judge and
 * the list is empty (the rules report that data set as NOT_EVALUATED).
 */
public final class LeastPrivilegeEngine {

    private final PrincipalRecommender recommender;

    public LeastPrivilegeEngine() {
        this(ActionCatalog.bundled(), AuditRoleActions.none());
    }

    public LeastPrivilegeEngine(ActionCatalog catalog) {
        this(catalog, AuditRoleActions.none());
    }

    /** @param auditRole the role iam-audit assumes and the actions its proposals must keep */
    public LeastPrivilegeEngine(ActionCatalog catalog, AuditRoleActions auditRole) {
        this.recommender = new PrincipalRecommender(catalog, auditRole);
    }

    public List<LeastPrivilegeRecommendation> recommend(AccountSnapshot snapshot, AnalysisContext ctx) {
        Optional<AuthorizationDetails> auth = snapshot.authorization() == null ? Optional.empty()
                : snapshot.authorization().get();
        if (auth.isEmpty()) {
            return List.of();
        }
        Instant asOf = ctx.asOf(snapshot);
        // inclusive: any use on the window's first day (UTC) counts, whatever the hour of collection
        Instant windowStart = asOf.minus(Duration.ofDays(ctx.thresholds().leastPrivilegeWindowDays()))
                .truncatedTo(ChronoUnit.DAYS);
        Inputs in = new Inputs(snapshot, ctx, auth.get(), windowStart);
        List<LeastPrivilegeRecommendation> out = new ArrayList<>();
        auth.get().users().forEach(u -> out.add(recommender.recommend(Subject.of(auth.get(), u), in)));
        auth.get().roles().forEach(r -> out.add(recommender.recommend(Subject.of(auth.get(), r), in)));
        return out;
    }

    /** Per-account aggregate reduction: removed granted actions over all granted actions, in percent. */
    public static double aggregateReduction(List<LeastPrivilegeRecommendation> recs) {
        double granted = recs.stream().mapToDouble(LeastPrivilegeRecommendation::grantedActions).sum();
        double removed = recs.stream().mapToDouble(r -> r.grantedActions() * r.reductionPercent() / 100.0).sum();
        return granted == 0 ? 0 : Math.round(removed / granted * 1000.0) / 10.0;
    }

    /**
     * What every principal's recommendation reads from the snapshot, indexed once per account: last-accessed by
     * principal ARN, analyzer evidence by resource, and group usage and group proposals shared by all members.
     */
    static final class Inputs {
        private final AccountSnapshot snapshot;
        private final AnalysisContext ctx;
        private final AuthorizationDetails auth;
        private final Instant windowStart;
        private final Map<String, PrincipalLastAccessed> reports = new HashMap<>();
        private final Map<String, Optional<Usage>> groupUsage = new HashMap<>();
        /** Built once per principal: a user's usage is read again for every group it is a member of. */
        private final Map<String, Usage> usageByArn = new HashMap<>();
        private final Map<String, Object> shared = new HashMap<>();

        Inputs(AccountSnapshot snapshot, AnalysisContext ctx, AuthorizationDetails auth, Instant windowStart) {
            this.snapshot = snapshot;
            this.ctx = ctx;
            this.auth = auth;
            this.windowStart = windowStart;
            if (snapshot.lastAccessed() != null && !snapshot.lastAccessed().missing()) {
                snapshot.lastAccessed().value().forEach(r -> reports.putIfAbsent(r.principalArn(), r));
            }
        }

        AccountSnapshot snapshot() {
            return snapshot;
        }

        AnalysisContext ctx() {
            return ctx;
        }

        AuthorizationDetails auth() {
            return auth;
        }

        Instant windowStart() {
            return windowStart;
        }

        /** The principal's usage, or {@code null} with the reason appended to {@code whyNot}. */
        Usage usage(String arn, StringBuilder whyNot) {
            if (snapshot.lastAccessed() == null || snapshot.lastAccessed().missing()) {
                whyNot.append("last-accessed not collected: ").append(snapshot.lastAccessed() == null ? "absent"
                        : snapshot.lastAccessed().error());
                return null;
            }
            PrincipalLastAccessed report = reports.get(arn);
            if (report == null || report.error() != null) {
                whyNot.append("no last-accessed report for the principal")
                        .append(report == null ? "" : ": " + report.error());
                return null;
            }
            return usageByArn.computeIfAbsent(arn, a -> Usage.of(report, windowStart));
        }

        /** Merged usage of the group's members; {@code null} when a member has none (or there are no members). */
        Usage groupUsage(String group) {
            return groupUsage.computeIfAbsent(group, g -> {
                Usage merged = null;
                for (IamUser m : auth.users()) {
                    if (!m.groups().contains(g)) {
                        continue;
                    }
                    Usage u = usage(m.arn(), new StringBuilder());
                    if (u == null) {
                        return Optional.empty();
                    }
                    merged = merged == null ? u : merged.merge(u);
                }
                return Optional.ofNullable(merged);
            }).orElse(null);
        }

        /** A value computed once per account and key (a group policy's proposal is the same for every member). */
        @SuppressWarnings("unchecked")
        <T> T shared(String key, java.util.function.Supplier<T> compute) {
            if (!shared.containsKey(key)) {
                shared.put(key, compute.get());
            }
            return (T) shared.get(key);
        }

        AnalyzerEvidence analyzer(String arn) {
            return snapshot.accessAnalyzer() == null || snapshot.accessAnalyzer().missing() ? AnalyzerEvidence.none()
                    : AnalyzerEvidence.of(snapshot.accessAnalyzer().value(), arn);
        }

        /** The latest password or key use of a user from the credential report, when collected. */
        Instant credentialUse(String userArn) {
            if (snapshot.credentialReport() == null || snapshot.credentialReport().missing()) {
                return null;
            }
            return snapshot.credentialReport().value().users().filter(r -> userArn.equals(r.arn())).findFirst()
                    .flatMap(LeastPrivilegeEngine::lastUse).orElse(null);
        }
    }

    private static Optional<Instant> lastUse(CredentialReportRow r) {
        return Stream.concat(Stream.of(r.passwordLastUsed()), r.accessKeys().stream().map(k -> k.lastUsedDate()))
                .filter(Objects::nonNull).max(Instant::compareTo);
    }
}
