package io.iamaudit.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.iamaudit.json.Mappers;
import java.util.ArrayList;
import java.util.List;

/** A parsed IAM policy document. */
public record PolicyDocument(String version, List<Statement> statements, ObjectNode json) {

    private static final ObjectMapper MAPPER = Mappers.compact();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * Parses policy JSON (already URL-decoded).
     *
     * @throws IllegalArgumentException when the text is not a policy document
     */
    public static PolicyDocument parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("policy is not a JSON object");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode s : asList(root.get("Statement"))) {
            if (s.isObject()) {
                statements.add(statement((ObjectNode) s));
            }
        }
        return new PolicyDocument(text(root.get("Version")), statements, (ObjectNode) root);
    }

    /** Allow statements only. */
    public List<Statement> allows() {
        return statements.stream().filter(Statement::allow).toList();
    }

    public List<Statement> denies() {
        return statements.stream().filter(s -> !s.allow()).toList();
    }

    private static Statement statement(ObjectNode s) {
        boolean notAction = !s.has("Action") && s.has("NotAction");
        boolean notResource = !s.has("Resource") && s.has("NotResource");
        List<ActionPattern> actions = strings(s.get(notAction ? "NotAction" : "Action")).stream()
                .map(ActionPattern::new).toList();
        return new Statement(text(s.get("Sid")), "Allow".equalsIgnoreCase(text(s.get("Effect"))), actions, notAction,
                strings(s.get(notResource ? "NotResource" : "Resource")), notResource, s.get("Condition"),
                s.has("Principal") ? s.get("Principal") : s.get("NotPrincipal"), s);
    }

    static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node instanceof ArrayNode array) {
            array.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        return asList(node).stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
