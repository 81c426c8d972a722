package io.iamaudit.analyze.risk;

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

    public static Set<String> of(RiskClass risk, List<PolicyDocument> identity, PrincipalPermissions permissions,
                                 ActionCatalog catalog) {
        Set<String> out = new TreeSet<>();
        for (PolicyDocument doc : identity) {
            for (Statement st : doc.allows()) {
                if (!st.allResources()) {
                    continue;
                }
                for (String action : candidates(st, catalog)) {
                    if (risk.includes(action, catalog) && permissions.grant(action).map(ActionGrant::everyResource)
                            .orElse(false)) {
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
