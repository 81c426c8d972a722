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

    private static String describe(Statement st, String prefix) {
        String patterns = st.actions().stream().map(ActionPattern::text)
                .filter(a -> st.notAction() || a.equals("*") || a.toLowerCase().startsWith(prefix + ":"))
                .collect(Collectors.joining(", "));
        return st.notAction() ? "NotAction " + patterns : patterns;
    }
}
