package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
    private final Key key;
    /** The Allow and the unconditional, every-resource Deny statements, gathered once rather than per action asked. */
    private final Statements identityStatements;
    private final Statements boundaryStatements;

    private PrincipalPermissions(List<PolicyDocument> identity, Optional<PolicyDocument> boundary,
                                 boolean administrator, Key key) {
        this.identity = identity;
        this.boundary = boundary;
        this.administrator = administrator;
        this.key = key;
        this.identityStatements = Statements.of(identity);
        this.boundaryStatements = Statements.of(boundary.stream().toList());
    }

    /**
     * What the grants depend on: the texts of the identity policies, in order, and of the boundary. Principals with
     * equal keys (the same policies attached, in this account or another) are granted the same actions, so answers
     * derived from the grants alone may be shared between them. Not {@link #administrator()}: that also reads ARNs.
     */
    public record Key(List<String> identity, String boundary) {
    }

    private record Statements(List<Statement> allows, List<Statement> denials) {
        static Statements of(List<PolicyDocument> docs) {
            List<Statement> allows = new ArrayList<>();
            List<Statement> denials = new ArrayList<>();
            for (PolicyDocument d : docs) {
                for (Statement s : d.statements()) {
                    if (s.allow()) {
                        allows.add(s);
                    } else if (s.allResources() && !s.hasCondition()) {
                        denials.add(s);
                    }
                }
            }
            return new Statements(List.copyOf(allows), List.copyOf(denials));
        }
    }

    /**
     * @param boundaryDocument the permissions boundary's default version, {@code null} for none (or not collected)
     */
    public static PrincipalPermissions of(EffectivePolicies policies, String boundaryDocument) {
        Optional<PolicyDocument> boundary = PolicySource.parse(boundaryDocument);
        Key key = new Key(policies.sources().stream().map(PolicySource::document).filter(Objects::nonNull).toList(),
                boundaryDocument);
        return new PrincipalPermissions(Grants.documents(policies), boundary,
                Grants.isAdministrator(policies) && boundary.isEmpty(), key);
    }

    /** Equal for principals granted the same actions: see {@link Key}. */
    public Key key() {
        return key;
    }

    /** The identity policies' documents (those that parse), in order. */
    List<PolicyDocument> identity() {
        return identity;
    }

    /** Full administrator without a boundary: every path is open and other rules report that already. */
    public boolean administrator() {
        return administrator;
    }

    public Optional<ActionGrant> grant(String action) {
        Optional<ActionGrant> fromIdentity = grantIn(identityStatements, action);
        if (fromIdentity.isEmpty() || boundary.isEmpty()) {
            return fromIdentity;
        }
        Optional<ActionGrant> fromBoundary = grantIn(boundaryStatements, action);
        if (fromBoundary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromIdentity.get().everyResource() ? fromBoundary.get() : fromIdentity.get());
    }

    private static Optional<ActionGrant> grantIn(Statements statements, String action) {
        for (Statement denial : statements.denials()) {
            if (denial.coversAction(action)) {
                return Optional.empty();
            }
        }
        List<Statement> allows = new ArrayList<>();
        for (Statement allow : statements.allows()) {
            if (allow.coversAction(action)) {
                allows.add(allow);
            }
        }
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
