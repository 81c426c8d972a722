package io.iamaudit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Security Hub's service model as botocore publishes it (an extract vendored in
 * {@code src/test/resources/asff/securityhub-model-extract.json}, made by {@code extract-model.py} beside it): checks
 * that every field an ASFF record carries is a member of the model's shape at that place, with the model's JSON type
 * and enum values, and that the model's required members are there.
 */
final class AsffModel {
    /**
     * What the Security Hub documentation requires of an imported finding: the model's required members plus Types
     * and Severity, which the model leaves optional but BatchImportFindings rejects without.
     */
    static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId",
            "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");

    private final JsonNode shapes;

    AsffModel() {
        try (InputStream in = AsffModel.class.getResourceAsStream("/asff/securityhub-model-extract.json")) {
            shapes = new ObjectMapper().readTree(in).get("shapes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> validate(JsonNode finding) {
        List<String> errors = new ArrayList<>();
        for (String field : REQUIRED) {
            if (!finding.has(field)) {
                errors.add(field + ": required");
            }
        }
        check("", finding, "AwsSecurityFinding", errors);
        return errors;
    }

    private void check(String path, JsonNode value, String shapeName, List<String> errors) {
        JsonNode shape = shapes.get(shapeName);
        if (shape == null) {
            errors.add(path + ": shape " + shapeName + " is not in the extract");
            return;
        }
        switch (shape.get("type").asText()) {
            case "structure" -> {
                if (!value.isObject()) {
                    errors.add(path + ": expected an object (" + shapeName + ")");
                    return;
                }
                shape.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        errors.add(join(path, r.asText()) + ": required by " + shapeName);
                    }
                });
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode target = shape.path("members").get(field.getKey());
                    if (target == null) {
                        errors.add(join(path, field.getKey()) + ": not a member of " + shapeName);
                    } else {
                        check(join(path, field.getKey()), field.getValue(), target.asText(), errors);
                    }
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    errors.add(path + ": expected an array (" + shapeName + ")");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    check(path + "[" + i++ + "]", item, shape.get("member").asText(), errors);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    errors.add(path + ": expected a map (" + shapeName + ")");
                    return;
                }
                value.fields().forEachRemaining(e -> check(path + "." + e.getKey(), e.getValue(),
                        shape.get("value").asText(), errors));
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(path + ": expected a string");
                } else if (shape.has("enum")) {
                    boolean known = false;
                    for (JsonNode v : shape.get("enum")) {
                        known |= v.asText().equals(value.asText());
                    }
                    if (!known) {
                        errors.add(path + ": " + value + " is not one of " + shape.get("enum"));
                    }
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(path + ": expected an integer");
                }
            }
            case "double", "float" -> {
                if (!value.isNumber()) {
                    errors.add(path + ": expected a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(path + ": expected a boolean");
                }
            }
            default -> {
                // timestamps and blobs are not used in ASFF findings (times are ISO-8601 strings)
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
