package io.iamaudit.analyze.risk;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a policy grants every action of a service on every resource, however it is written: {@code svc:*},
 * {@code *}, broad wildcards ({@code kms:*Key*} with the rest) or NotAction, decided by expanding against the action
 * model rather than by reading literal strings.
 */
public final class ServiceGrants {
    private ServiceGrants() {
    }

    /** How the document grants all of the service ({@code kms:*}, {@code *}, {@code NotAction iam:*}); empty if not. */
    public static Optional<String> allOf(PolicyDocument doc, String prefix, ActionCatalog catalog) {
        List<String> actions = catalog.actionsOf(prefix);
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        for (Statement st : doc.allows()) {
            if (st.allResources() && actions.stream().allMatch(st::coversAction)) {
                return Optional.of(describe(st, prefix));
            }
        }
        return Optional.empty();
    }

    /**
     * Every service the document grants all of, resources aside, each with how: the union of its Allow statements
     * must cover every action the model knows for the service ({@code *}, {@code svc:*}, NotAction, or wildcards that
     * together leave nothing out). A literal {@code svc:*} of a service the model does not know counts too: it is a
     * service wildcard whatever the service is.
     */
    public static List<WholeService> wholeServices(PolicyDocument doc, ActionCatalog catalog) {
        List<Statement> allows = doc.allows();
        java.util.Set<String> candidates = new java.util.TreeSet<>();
        java.util.Set<String> unknownWildcards = new java.util.TreeSet<>();
        for (Statement st : allows) {
            if (st.notAction()) {
                candidates.addAll(catalog.prefixes());
                continue;
            }
            for (ActionPattern p : st.actions()) {
                candidates.addAll(catalog.servicesOf(p));
                if (p.text().endsWith(":*") && catalog.actionsOf(p.service()).isEmpty()) {
                    unknownWildcards.add(p.text());
                }
            }
        }
        List<WholeService> out = new java.util.ArrayList<>();
        for (String prefix : candidates) {
            List<String> actions = catalog.actionsOf(prefix);
            if (!actions.isEmpty() && actions.stream().allMatch(a -> allows.stream().anyMatch(st -> st.coversAction(a)))) {
                String how = allows.stream().filter(st -> st.notAction() || st.actions().stream()
                                .anyMatch(p -> catalog.servicesOf(p).contains(prefix)))
                        .map(st -> describe(st, prefix)).filter(d -> !d.isEmpty()).distinct()
                        .collect(Collectors.joining("; "));
                out.add(new WholeService(prefix, how));
            }
        }
        unknownWildcards.forEach(w -> out.add(new WholeService(w.substring(0, w.length() - 2), w)));
        return out;
    }

    /** A service granted in full, and the action clause(s) that grant it. */
    public record WholeService(String prefix, String how) {
    }

    private static String describe(Statement st, String prefix) {
        String patterns = st.actions().stream().map(ActionPattern::text)
                .filter(a -> st.notAction() || a.equals("*") || a.toLowerCase().startsWith(prefix + ":"))
                .collect(Collectors.joining(", "));
        return st.notAction() ? "NotAction " + patterns : patterns;
    }
}
