package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.sandbox.wire.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sandbox's ValidatePolicy for identity policies: JSON syntax, the policy grammar's required and allowed elements,
 * and actions unknown to the project's {@link ActionCatalog}, plus AWS's best-known security warning (iam:PassRole on
 * every resource). AWS runs over a hundred checks (ARN formats, condition keys and operators, data types ...); this is
 * the subset a least-privilege rewrite can get wrong. Issue codes and finding types are AWS's (IAM User Guide, "IAM
 * Access Analyzer policy check reference"); messages are the sandbox's own. Differences: docs/scenario.md.
 */
final class PolicyValidation {

    private static final String LEARN_MORE =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("sid", "effect", "action", "notaction", "resource",
            "notresource", "condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private final ActionCatalog catalog;

    PolicyValidation(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** One finding, as ValidatePolicy's {@code findings} member. */
    record Issue(String findingType, String issueCode, String details, List<Object> path, String near) {
    }

    List<Issue> validate(String text) {
        List<Issue> out = new ArrayList<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            out.add(new Issue("ERROR", "JSON_SYNTAX_ERROR", "Fix the JSON syntax error: " + e.getOriginalMessage(),
                    List.of(), null));
            return out;
        }
        if (root == null || !root.isObject()) {
            out.add(new Issue("ERROR", "JSON_SYNTAX_ERROR", "A policy must be a JSON object.", List.of(), null));
            return out;
        }
        JsonNode version = root.get("Version");
        if (version == null) {
            out.add(new Issue("WARNING", "MISSING_VERSION", "Add a Version element (2012-10-17).", List.of(), null));
        } else if (!VERSIONS.contains(version.asText())) {
            out.add(new Issue("ERROR", "INVALID_VERSION", "The Version must be 2012-10-17.", List.of("Version"),
                    version.asText()));
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || statements.isNull() || statements.isArray() && statements.isEmpty()) {
            out.add(new Issue("ERROR", "MISSING_STATEMENT", "Add a Statement element.", List.of(), null));
            return out;
        }
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            statement(list.get(i), i, sids, out);
        }
        return out;
    }

    private void statement(JsonNode s, int index, Set<String> sids, List<Issue> out) {
        List<Object> at = List.of("Statement", index);
        if (!s.isObject()) {
            out.add(new Issue("ERROR", "JSON_SYNTAX_ERROR", "A statement must be a JSON object.", at, null));
            return;
        }
        s.fieldNames().forEachRemaining(name -> {
            if (!STATEMENT_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
                out.add(new Issue("ERROR", "INVALID_POLICY_ELEMENT", "The element " + name
                        + " is not valid in an identity policy statement.", path(at, name), name));
            }
        });
        if (s.hasNonNull("Sid") && !sids.add(s.get("Sid").asText())) {
            out.add(new Issue("ERROR", "UNIQUE_SIDS_REQUIRED", "Duplicate Sid " + s.get("Sid").asText() + ".",
                    path(at, "Sid"), s.get("Sid").asText()));
        }
        JsonNode effect = s.get("Effect");
        if (effect == null) {
            out.add(new Issue("ERROR", "MISSING_EFFECT", "Add an Effect element.", at, null));
        } else if (!"Allow".equals(effect.asText()) && !"Deny".equals(effect.asText())) {
            out.add(new Issue("ERROR", "INVALID_EFFECT", "The Effect must be Allow or Deny.", path(at, "Effect"),
                    effect.asText()));
        }
        boolean action = s.has("Action");
        boolean notAction = s.has("NotAction");
        if (!action && !notAction) {
            out.add(new Issue("ERROR", "MISSING_ACTION", "Add an Action or NotAction element.", at, null));
        }
        if (!s.has("Resource") && !s.has("NotResource")) {
            out.add(new Issue("ERROR", "MISSING_RESOURCE", "Add a Resource or NotResource element.", at, null));
        }
        String key = action ? "Action" : "NotAction";
        List<String> actions = strings(s.get(key));
        for (int j = 0; j < actions.size(); j++) {
            String a = actions.get(j);
            List<Object> where = path(path(at, key), j);
            unknownAction(a, where, out);
        }
        boolean allow = effect != null && "Allow".equals(effect.asText());
        if (allow && action && strings(s.get("Resource")).contains("*")
                && actions.stream().anyMatch(a -> new ActionPattern(a).matches("iam:PassRole"))) {
            out.add(new Issue("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE", "Using the iam:PassRole action"
                    + " with wildcards (*) in the resource can be overly permissive: name the roles that may be"
                    + " passed.", path(at, "Resource"), "*"));
        }
    }

    private void unknownAction(String text, List<Object> where, List<Issue> out) {
        if ("*".equals(text)) {
            return;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            out.add(new Issue("ERROR", "INVALID_ACTION", "The action " + text + " is not of the form service:action.",
                    where, text));
            return;
        }
        ActionPattern pattern = new ActionPattern(text);
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (catalog.service(prefix) == null) {
            out.add(new Issue("ERROR", "INVALID_SERVICE", "The service " + prefix + " does not exist.", where, text));
            return;
        }
        if (catalog.actionsOf(prefix).stream().noneMatch(pattern::matches)) {
            out.add(new Issue("ERROR", "INVALID_ACTION", "The action " + text + " does not exist.", where, text));
        }
    }

    /** The findings as AWS writes them: locations with a path into the policy and the span of the text. */
    static ArrayNode toJson(List<Issue> issues, String text) {
        ArrayNode findings = Json.array();
        for (Issue i : issues) {
            ObjectNode f = findings.addObject().put("findingType", i.findingType()).put("issueCode", i.issueCode())
                    .put("findingDetails", i.details())
                    .put("learnMoreLink", LEARN_MORE + "#access-analyzer-reference-policy-checks-"
                            + i.issueCode().toLowerCase(Locale.ROOT).replace('_', '-'));
            ArrayNode locations = f.putArray("locations");
            ObjectNode location = locations.addObject();
            ArrayNode path = location.putArray("path");
            for (Object p : i.path()) {
                if (p instanceof Integer n) {
                    path.addObject().put("index", n);
                } else {
                    path.addObject().put("value", p.toString());
                }
            }
            int start = i.near() == null ? -1 : text.indexOf("\"" + i.near() + "\"");
            start = start < 0 ? 0 : start;
            int end = i.near() == null ? Math.min(text.length(), 1) : Math.min(text.length(), start + i.near().length() + 2);
            ObjectNode span = location.putObject("span");
            span.set("start", position(text, start));
            span.set("end", position(text, end));
        }
        return findings;
    }

    private static ObjectNode position(String text, int offset) {
        int line = 1;
        int column = 0;
        for (int k = 0; k < offset && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return Json.object().put("line", line).put("column", column).put("offset", offset);
    }

    private static List<Object> path(List<Object> base, Object next) {
        List<Object> out = new ArrayList<>(base);
        out.add(next);
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
