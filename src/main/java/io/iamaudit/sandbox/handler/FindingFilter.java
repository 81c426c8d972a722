package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamaudit.sandbox.handler.AnalyzerFindings.Finding;
import io.iamaudit.sandbox.scenario.FindingSpec;

/**
 * Access Analyzer's finding filter: a map from finding attribute to a criterion with {@code eq}, {@code neq},
 * {@code contains} and {@code exists}; every criterion must hold.
 */
final class FindingFilter {

    private FindingFilter() {
    }

    static boolean matches(Finding f, JsonNode filter) {
        if (filter == null || !filter.isObject()) {
            return true;
        }
        var it = filter.fields();
        while (it.hasNext()) {
            var e = it.next();
            String value = attribute(f, e.getKey());
            JsonNode c = e.getValue();
            if (c.has("eq") && !contains(c.get("eq"), value)) {
                return false;
            }
            if (c.has("neq") && contains(c.get("neq"), value)) {
                return false;
            }
            if (c.has("contains") && (value == null || !anyPart(c.get("contains"), value))) {
                return false;
            }
            if (c.has("exists") && c.get("exists").asBoolean() != (value != null)) {
                return false;
            }
        }
        return true;
    }

    private static String attribute(Finding f, String key) {
        FindingSpec s = f.spec();
        return switch (key) {
            case "status" -> s.status();
            case "findingType" -> s.type();
            case "resourceOwnerAccount" -> s.account();
            case "resource" -> s.resource();
            case "resourceType" -> AnalyzerFindings.resourceType(s);
            case "id" -> f.id();
            case "isPublic" -> String.valueOf(s.publicAccess());
            default -> null;
        };
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode n : list) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPart(JsonNode list, String value) {
        for (JsonNode n : list) {
            if (value.contains(n.asText())) {
                return true;
            }
        }
        return false;
    }
}
