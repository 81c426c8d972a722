package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.ActionUsage;
import io.iamaudit.analyze.risk.PrincipalPermissions;
import io.iamaudit.analyze.risk.RiskActions;
import io.iamaudit.analyze.risk.RiskClass;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.ManagedPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One violation per user or role holding actions of a risk class on every resource, the actions listed with
 * whether last-accessed data shows them used in the window, so the finding says how much of the risk is live.
 * Full administrators are left to IAM.POLICY.FULL_ADMIN.
 */
final class RiskClassViolations {
    /** Evidence lists at most this many actions (used ones first); the count is always complete. */
    static final int LISTED = 25;

    private RiskClassViolations() {
    }

    static List<Violation> of(RiskClass risk, AccountSnapshot s, AnalysisContext ctx) {
        AuthorizationDetails auth = Evidence.auth(s);
        Instant windowStart = ctx.asOf(s).minus(Duration.ofDays(ctx.thresholds().leastPrivilegeWindowDays()));
        Stream<Violation> users = auth.users().stream().flatMap(u -> violation(risk, s, windowStart, "User",
                u.userName(), u.arn(), EffectivePolicies.forUser(auth, u), auth, u.permissionsBoundaryArn()));
        Stream<Violation> roles = auth.roles().stream().filter(r -> !r.serviceLinked()).flatMap(r -> violation(risk,
                s, windowStart, "Role", r.roleName(), r.arn(), EffectivePolicies.forRole(auth, r), auth,
                r.permissionsBoundaryArn()));
        return Stream.concat(users, roles).toList();
    }

    private static Stream<Violation> violation(RiskClass risk, AccountSnapshot s, Instant windowStart, String type,
                                               String name, String arn, EffectivePolicies policies,
                                               AuthorizationDetails auth, String boundaryArn) {
        String boundary = boundaryArn == null ? null
                : auth.policy(boundaryArn).map(ManagedPolicy::defaultDocument).orElse(null);
        PrincipalPermissions permissions = PrincipalPermissions.of(policies, boundary);
        if (permissions.administrator()) {
            return Stream.empty();
        }
        List<String> actions = RiskActions.held(risk, permissions, ActionCatalog.bundled());
        if (actions.isEmpty()) {
            return Stream.empty();
        }
        ActionUsage usage = ActionUsage.of(s.lastAccessedFor(arn), windowStart);
        List<String> used = actions.stream().filter(a -> usage.describe(a).contains("used in the window")).toList();
        String listed = Stream.concat(used.stream(), actions.stream().filter(a -> !used.contains(a))).limit(LISTED)
                .map(a -> a + " (" + usage.describe(a) + ")").collect(Collectors.joining(", "));
        return Stream.of(Violation.of(type, name, arn, risk.label() + ": " + actions.size() + " action(s) on every "
                + "resource, " + used.size() + " used in the window: " + listed
                + (actions.size() > LISTED ? ", ..." : "")).withSubject(risk.name()));
    }
}
