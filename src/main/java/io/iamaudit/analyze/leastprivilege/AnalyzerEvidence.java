package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccessAnalyzerState.UnusedAction;
import io.iamaudit.stage.AccessAnalyzerState.UnusedPermission;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Access Analyzer's ACTIVE unused-access findings about one principal: which services and actions it calls unused,
 * and whether it calls the whole role unused. Extra evidence next to last-accessed, never a contradiction of it.
 */
public record AnalyzerEvidence(Map<String, String> unusedServices, Map<String, String> unusedActions,
                               String unusedRoleFinding) {

    public static AnalyzerEvidence none() {
        return new AnalyzerEvidence(Map.of(), Map.of(), null);
    }

    public static AnalyzerEvidence of(AccessAnalyzerState state, String principalArn) {
        if (state == null) {
            return none();
        }
        Map<String, String> services = new HashMap<>();
        Map<String, String> actions = new HashMap<>();
        String role = null;
        for (AnalyzerFinding f : state.findings()) {
            if (!principalArn.equals(f.resource()) || !"ACTIVE".equals(f.status())) {
                continue;
            }
            if ("UnusedIAMRole".equals(f.findingType())) {
                role = f.id();
            } else if ("UnusedPermission".equals(f.findingType())) {
                for (UnusedPermission p : f.unusedPermissions()) {
                    String ns = p.serviceNamespace().toLowerCase(Locale.ROOT);
                    if (p.actions().isEmpty()) {
                        services.put(ns, f.id());
                    }
                    for (UnusedAction a : p.actions()) {
                        String name = a.action().contains(":") ? a.action() : ns + ":" + a.action();
                        actions.put(name.toLowerCase(Locale.ROOT), f.id());
                    }
                }
            }
        }
        return new AnalyzerEvidence(services, actions, role);
    }

    /** The finding id calling this action (or its whole service) unused. */
    public Optional<String> unused(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        String ns = a.contains(":") ? a.substring(0, a.indexOf(':')) : a;
        return Optional.ofNullable(unusedActions.getOrDefault(a, unusedServices.get(ns)));
    }
}
