package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.policy.ActionPattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a proposal above IAM's managed-policy quota into customer managed policies that each fit it, to be attached
 * together in place of the original. Allow statements are split by service (same Resource, Condition and other keys,
 * one statement per service prefix) and the parts packed in service order, so each part reads as "these services";
 * an Action list too long for one part is cut into consecutive chunks. Deny and NotAction statements are kept
 * whole: a Deny in any attached policy applies to every request, so one copy is enough. The parts together allow
 * exactly what the whole allowed: Allow statements only ever add up.
 */
public final class ProposalSplitter {

    /** One managed policy of a split proposal: {@code <policy>-part-N}, or the policy's own name when it fits. */
    public record Part(String name, ObjectNode document) {
    }

    private ProposalSplitter() {
    }

    public static List<Part> split(String policyName, ObjectNode doc, int limit) {
        if (doc == null) {
            return List.of();
        }
        if (PolicySizes.size(doc) <= limit) {
            return List.of(new Part(policyName, doc));
        }
        List<ObjectNode> packed = new ArrayList<>();
        ObjectNode current = empty(doc);
        for (ObjectNode st : statements(doc, limit)) {
            ArrayNode list = current.withArray("Statement");
            list.add(st);
            if (PolicySizes.size(current) > limit && list.size() > 1) {
                list.remove(list.size() - 1);
                packed.add(current);
                current = empty(doc);
                current.withArray("Statement").add(st);
            }
        }
        if (!current.withArray("Statement").isEmpty()) {
            packed.add(current);
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < packed.size(); i++) {
            parts.add(new Part(partName(policyName, i + 1), packed.get(i)));
        }
        return parts;
    }

    /** The stable name of part {@code n}: managed policy names allow letters, digits and {@code +=,.@_-}. */
    static String partName(String policyName, int n) {
        String base = policyName.replace('/', '-').replaceAll("[^A-Za-z0-9+=,.@_-]", "_");
        String suffix = "-part-" + n;
        return (base.length() + suffix.length() > 128 ? base.substring(0, 128 - suffix.length()) : base) + suffix;
    }

    /** Deny first, then Allow statements one per service in service order, then NotAction ones; big lists cut. */
    private static List<ObjectNode> statements(ObjectNode doc, int limit) {
        List<ObjectNode> deny = new ArrayList<>();
        Map<String, List<ObjectNode>> byService = new java.util.TreeMap<>();
        List<ObjectNode> whole = new ArrayList<>();
        for (JsonNode node : doc.withArray("Statement")) {
            ObjectNode st = (ObjectNode) node;
            if (!"Allow".equals(st.path("Effect").asText())) {
                deny.add(st);
            } else if (!st.has("Action")) {
                whole.add(st);
            } else {
                perService(st).forEach((service, part) -> byService.computeIfAbsent(service, k -> new ArrayList<>())
                        .add(part));
            }
        }
        List<ObjectNode> out = new ArrayList<>(deny);
        // chunks leave room for the Deny statements, so the first part carries them and a full chunk
        ObjectNode denies = empty(doc);
        deny.forEach(denies.withArray("Statement")::add);
        int room = limit - PolicySizes.size(denies) - 1;
        byService.values().forEach(list -> list.forEach(st -> out.addAll(cut(st, room))));
        out.addAll(whole);
        return out;
    }

    private static Map<String, ObjectNode> perService(ObjectNode st) {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        JsonNode action = st.get("Action");
        List<String> all = new ArrayList<>();
        if (action.isArray()) {
            action.forEach(a -> all.add(a.asText()));
        } else {
            all.add(action.asText());
        }
        all.forEach(a -> actions.computeIfAbsent(new ActionPattern(a).service(), k -> new ArrayList<>()).add(a));
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        boolean several = actions.size() > 1;
        actions.forEach((service, list) -> {
            ObjectNode copy = st.deepCopy();
            ArrayNode array = copy.putArray("Action");
            list.forEach(array::add);
            if (several && copy.hasNonNull("Sid")) {
                copy.put("Sid", copy.get("Sid").asText() + sidSuffix(service));
            }
            out.put(service, copy);
        });
        return out;
    }

    /** Sids are alphanumeric: {@code access-analyzer} becomes {@code AccessAnalyzer}. */
    private static String sidSuffix(String service) {
        StringBuilder out = new StringBuilder();
        for (String word : service.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return out.length() == 0 ? "All" : out.toString();
    }

    /** A statement whose Action list alone is above {@code room}, cut into consecutive statements that fit. */
    private static List<ObjectNode> cut(ObjectNode st, int room) {
        if (PolicySizes.size(st) <= room) {
            return List.of(st);
        }
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode current = withoutActions(st, 1);
        int n = 1;
        for (JsonNode a : st.withArray("Action")) {
            current.withArray("Action").add(a);
            if (PolicySizes.size(current) > room && current.withArray("Action").size() > 1) {
                current.withArray("Action").remove(current.withArray("Action").size() - 1);
                out.add(current);
                current = withoutActions(st, ++n);
                current.withArray("Action").add(a);
            }
        }
        out.add(current);
        return out;
    }

    private static ObjectNode withoutActions(ObjectNode st, int chunk) {
        ObjectNode out = st.deepCopy();
        out.putArray("Action");
        if (out.hasNonNull("Sid") && chunk > 1) {
            out.put("Sid", out.get("Sid").asText() + chunk);
        }
        return out;
    }

    private static ObjectNode empty(ObjectNode doc) {
        ObjectNode out = doc.deepCopy();
        out.putArray("Statement");
        return out;
    }
}
