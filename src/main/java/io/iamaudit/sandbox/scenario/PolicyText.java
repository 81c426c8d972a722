package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.json.Mappers;
import io.iamaudit.policy.PolicyDocument;

/** Turns a policy as written in a scenario (YAML map or JSON string) into compact JSON text, checking it parses. */
public final class PolicyText {

    private static final ObjectMapper JSON = Mappers.compact();

    private PolicyText() {
    }

    /** @throws IllegalArgumentException when the node is absent or not a policy document */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("policy document missing");
        }
        String text;
        try {
            text = node.isTextual() ? JSON.writeValueAsString(JSON.readTree(node.asText()))
                    : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy document is not valid JSON: " + e.getOriginalMessage());
        }
        PolicyDocument.parse(text);
        return text;
    }
}
