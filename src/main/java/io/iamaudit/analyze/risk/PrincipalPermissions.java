package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a principal may do, from all its identity policies (its own, its groups', AWS and customer managed, inline)
 * and its permissions boundary.
 * <ul>
 *   <li>An Allow counts whatever its conditions: a condition may well hold, and a finding to review beats a miss.</li>
 *   <li>A Deny removes an action only when it applies to every resource without a condition; a narrower Deny may not
 *       apply to the resource an attacker picks.</li>
 *   <li>A boundary caps the grant: an action it does not allow is not granted; one it confines to some resources is
 *       confined to them. A boundary whose document was not collected is ignored (reported by the caller), which
 *       errs on the side of reporting.</li>
 * </ul>
 */
public final class PrincipalPermissions {

    /** An ARN whose resource part is only a wildcard (any role, any user, any function) names no resource. */
    private static final Pattern ANY_OF_A_KIND = Pattern.compile("arn:[^:]*:[^:]*:[^:]*:[^:]*:(\\*|[A-Za-z-]+[/:]\\*)");

    private final List<PolicyDocument> identity;
    private final Optional<PolicyDocument> boundary;
    private final boolean administrator;

    private PrincipalPermissions(List<PolicyDocument> identity, Optional<PolicyDocument> boundary,
                                 boolean administrator) {
        this.identity = identity;
        this.boundary = boundary;
        this.administrator = administrator;
    }

    /**
     * @param boundaryDocument the permissions boundary's default version, {@code null} for none (or not collected)
     */
    public static PrincipalPermissions of(EffectivePolicies policies, String boundaryDocument) {
        Optional<PolicyDocument> boundary = PolicySource.parse(boundaryDocument);
        return new PrincipalPermissions(Grants.documents(policies), boundary,
                Grants.isAdministrator(policies) && boundary.isEmpty());
    }

    /** Full administrator without a boundary: every path is open and other rules report that already. */
    public boolean administrator() {
        return administrator;
    }

    public Optional<ActionGrant> grant(String action) {
        Optional<ActionGrant> fromIdentity = grantIn(identity, action);
        if (fromIdentity.isEmpty() || boundary.isEmpty()) {
            return fromIdentity;
        }
        Optional<ActionGrant> fromBoundary = grantIn(List.of(boundary.get()), action);
        if (fromBoundary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromIdentity.get().everyResource() ? fromBoundary.get() : fromIdentity.get());
    }

    private static Optional<ActionGrant> grantIn(List<PolicyDocument> docs, String action) {
        boolean denied = docs.stream().flatMap(d -> d.denies().stream())
                .anyMatch(s -> s.coversAction(action) && s.allResources() && !s.hasCondition());
        if (denied) {
            return Optional.empty();
        }
        List<Statement> allows = docs.stream().flatMap(d -> d.allows().stream())
                .filter(s -> s.coversAction(action)).toList();
        if (allows.isEmpty()) {
            return Optional.empty();
        }
        if (allows.stream().anyMatch(PrincipalPermissions::everyResource)) {
            return Optional.of(new ActionGrant(action, true, List.of("*")));
        }
        Set<String> resources = new LinkedHashSet<>();
        allows.forEach(s -> resources.addAll(s.resources()));
        return Optional.of(new ActionGrant(action, false, List.copyOf(resources)));
    }

    private static boolean everyResource(Statement s) {
        return s.notResource() || s.resources().stream().anyMatch(r -> "*".equals(r) || ANY_OF_A_KIND.matcher(r).matches());
    }
}
