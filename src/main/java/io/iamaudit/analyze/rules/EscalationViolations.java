package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.ActionGrant;
import io.iamaudit.analyze.risk.ActionUsage;
import io.iamaudit.analyze.risk.EscalationCatalog;
import io.iamaudit.analyze.risk.EscalationMatch;
import io.iamaudit.analyze.risk.PrincipalPermissions;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.ManagedPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The escalation paths open to each user and role of an account, as violations: one per principal and path, the
 * evidence naming the path, each action with whether last-accessed data shows it used, and for a confined path the
 * resources it is confined to. Shared by the rule for open paths and the rule for confined ones.
 */
final class EscalationViolations {
    private EscalationViolations() {
    }

    static List<Violation> of(AccountSnapshot s, AnalysisContext ctx, boolean confined) {
        AuthorizationDetails auth = Evidence.auth(s);
        Instant windowStart = ctx.asOf(s).minus(Duration.ofDays(ctx.thresholds().leastPrivilegeWindowDays()));
        Stream<Violation> users = auth.users().stream().flatMap(u -> violations(s, windowStart, confined, "User",
                u.userName(), u.arn(), EffectivePolicies.forUser(auth, u), auth, u.permissionsBoundaryArn()));
        Stream<Violation> roles = auth.roles().stream().filter(r -> !r.serviceLinked())
                .flatMap(r -> violations(s, windowStart, confined, "Role", r.roleName(), r.arn(),
                        EffectivePolicies.forRole(auth, r), auth, r.permissionsBoundaryArn()));
        return Stream.concat(users, roles).toList();
    }

    private static Stream<Violation> violations(AccountSnapshot s, Instant windowStart, boolean confined, String type,
                                                String name, String arn, EffectivePolicies policies,
                                                AuthorizationDetails auth, String boundaryArn) {
        String boundary = boundaryArn == null ? null
                : auth.policy(boundaryArn).map(ManagedPolicy::defaultDocument).orElse(null);
        String boundaryNote = boundaryArn != null && boundary == null
                ? "; permissions boundary " + boundaryArn + " not collected, so not applied" : "";
        PrincipalPermissions permissions = PrincipalPermissions.of(policies, boundary);
        ActionUsage usage = ActionUsage.of(s.lastAccessedFor(arn), windowStart);
        return EscalationMatch.find(EscalationCatalog.bundled(), permissions).stream()
                .filter(m -> m.confined() == confined)
                .map(m -> Violation.of(type, name, arn, evidence(m, usage) + boundaryNote).withSubject(m.path().id()));
    }

    static String evidence(EscalationMatch m, ActionUsage usage) {
        String actions = m.grants().stream().map(g -> g.action() + " (" + usage.describe(g.action()) + ")")
                .collect(Collectors.joining(" + "));
        StringBuilder out = new StringBuilder("path ").append(m.path().id()).append(": ").append(actions);
        if (m.confined()) {
            out.append("; confined to ").append(m.grants().stream().filter(g -> !g.everyResource())
                    .map(EscalationViolations::resources).collect(Collectors.joining("; ")));
        }
        return out.append("; works on ").append(m.path().resources()).append(" (").append(m.path().reference())
                .append(')').toString();
    }

    private static String resources(ActionGrant g) {
        return g.action() + " on " + String.join(", ", g.resources());
    }
}
