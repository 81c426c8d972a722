package io.iamaudit.analyze;

import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.Collection;
import java.util.List;

/**
 * Questions rules ask about identity policies, answered conservatively: an Allow counts whatever its resources and
 * conditions (a finding to review beats a missed one), a Deny only when it applies to every resource without a
 * condition (a conditional Deny may not apply).
 */
public final class Grants {

    /** AWS's managed full-administrator policy. */
    public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private Grants() {
    }

    public static boolean allows(Collection<PolicyDocument> docs, String action) {
        boolean allowed = docs.stream().flatMap(d -> d.allows().stream()).anyMatch(s -> s.coversAction(action));
        return allowed && docs.stream().flatMap(d -> d.denies().stream()).noneMatch(s -> unconditionalDenyOf(s, action));
    }

    /** Allowed on {@code Resource: "*"} (not only on some resources). */
    public static boolean allowsOnEveryResource(Collection<PolicyDocument> docs, String action) {
        boolean allowed = docs.stream().flatMap(d -> d.allows().stream())
                .anyMatch(s -> s.coversAction(action) && s.allResources());
        return allowed && docs.stream().flatMap(d -> d.denies().stream()).noneMatch(s -> unconditionalDenyOf(s, action));
    }

    /** {@code "Effect": "Allow", "Action": "*", "Resource": "*"} without a condition: full administrator. */
    public static boolean isFullAdmin(PolicyDocument doc) {
        return doc.allows().stream().anyMatch(Grants::isFullAdminStatement);
    }

    public static boolean isFullAdminStatement(Statement s) {
        boolean everyAction = s.notAction() ? s.actions().isEmpty()
                : s.actions().stream().anyMatch(a -> "*".equals(a.text()) || "*:*".equals(a.text()));
        return s.allow() && everyAction && s.allResources() && !s.hasCondition();
    }

    /** Whether the principal's policies make it a full administrator (AdministratorAccess or {@code *} on {@code *}). */
    public static boolean isAdministrator(EffectivePolicies policies) {
        return policies.sources().stream().anyMatch(p -> ADMINISTRATOR_ACCESS.equals(p.arn())
                || p.parsed().map(Grants::isFullAdmin).orElse(false));
    }

    public static List<PolicyDocument> documents(EffectivePolicies policies) {
        return policies.sources().stream().flatMap(p -> p.parsed().stream()).toList();
    }

    private static boolean unconditionalDenyOf(Statement s, String action) {
        return !s.allow() && s.coversAction(action) && s.allResources() && !s.hasCondition();
    }
}
