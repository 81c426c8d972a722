package io.iamaudit.sandbox.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.iamaudit.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON building and reading for the JSON protocols. */
public final class Json {

    public static final ObjectMapper MAPPER = Mappers.compact();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ObjectNode map(Map<String, String> m) {
        ObjectNode o = object();
        m.forEach(o::put);
        return o;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request body as a JSON object; an empty body is an empty object.
     *
     * @param invalid the error to throw when the body is not a JSON object
     */
    public static ObjectNode body(byte[] body, AwsException invalid) {
        if (body.length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            // answered below as the protocol's own validation error
        }
        throw invalid;
    }

    /** A text member or null. */
    public static String text(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** An int member or the default. */
    public static int integer(JsonNode o, String name, int dflt) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? dflt : n.asInt();
    }
}
