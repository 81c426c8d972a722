package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.LruCache;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actions of one risk class a principal holds on every resource: every action an unconstrained Allow reaches
 * (names, wildcards and NotAction expanded through the action model), kept only when Deny and the permissions
 * boundary leave it granted on every resource.
 */
public final class RiskActions {
    private RiskActions() {
    }

    /**
     * Principals granted the same policies (see {@link PrincipalPermissions.Key}) hold the same actions: an account's
     * principals share a few policy sets, and AWS managed ones recur in every account.
     */
    private static final LruCache<HeldKey, List<String>> HELD = new LruCache<>(2048);

    private record HeldKey(ActionCatalog catalog, RiskClass risk, PrincipalPermissions.Key permissions) {
    }

    /**
     * The class's actions the principal holds on every resource, from its identity policies and boundary: {@link #of}
     * in its order, as a shared unmodifiable list (a tenth of a sorted set's memory, for as long as it is cached).
     */
    public static List<String> held(RiskClass risk, PrincipalPermissions permissions, ActionCatalog catalog) {
        return HELD.get(new HeldKey(catalog, risk, permissions.key()),
                k -> List.copyOf(of(risk, permissions.identity(), permissions, catalog)));
    }

    public static Set<String> of(RiskClass risk, List<PolicyDocument> identity, PrincipalPermissions permissions,
                                 ActionCatalog catalog) {
        Set<String> out = new TreeSet<>();
        for (PolicyDocument doc : identity) {
            for (Statement st : doc.allows()) {
                if (!st.allResources()) {
                    continue;
                }
                // only the class's actions among the candidates: few, where "*" alone reaches 17,000
                for (String action : ClassReach.of(risk, st, catalog)) {
                    if (permissions.grant(action).map(ActionGrant::everyResource).orElse(false)) {
                        out.add(catalog.canonical(action));
                    }
                }
            }
        }
        return out;
    }

    /** Every catalog action a statement's Action (or NotAction) names: what a risk class is matched against. */
    static Set<String> candidates(Statement st, ActionCatalog catalog) {
        // callers collect what they keep into sorted sets: no need to sort every candidate (17,000 for "*") here
        Set<String> out = new LinkedHashSet<>();
        if (st.notAction()) {
            for (String prefix : catalog.prefixes()) {
                catalog.actionsOf(prefix).stream().filter(st::coversAction).forEach(out::add);
            }
            return out;
        }
        for (ActionPattern p : st.actions()) {
            out.addAll(catalog.expand(p));
        }
        return out;
    }
}
