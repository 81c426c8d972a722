package io.iamaudit.analyze.risk;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actions of one risk class a single policy document allows on every resource (names, wildcards and NotAction
 * expanded through the action model), less what the same document denies unconditionally on every resource. Unlike
 * {@link RiskActions} no principal is involved: a policy's risk, wherever it is attached.
 */
public final class PolicyRiskActions {
    private PolicyRiskActions() {
    }

    public static Set<String> of(RiskClass risk, PolicyDocument doc, ActionCatalog catalog) {
        Set<String> out = new TreeSet<>();
        // the statements that deny on every resource without condition, found once rather than per candidate action
        // (most documents have none)
        List<Statement> denials = doc.statements().stream()
                .filter(st -> !st.allow() && st.allResources() && !st.hasCondition()).toList();
        for (Statement st : doc.allows()) {
            if (!st.allResources()) {
                continue;
            }
            for (String action : ClassReach.of(risk, st, catalog)) {
                if (!deniedEverywhere(denials, action)) {
                    out.add(catalog.canonical(action));
                }
            }
        }
        return out;
    }

    private static boolean deniedEverywhere(List<Statement> denials, String action) {
        for (Statement denial : denials) {
            if (denial.coversAction(action)) {
                return true;
            }
        }
        return false;
    }
}
