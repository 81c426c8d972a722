package io.iamaudit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A small validator for OCSF events against the schema files as published (vendored under
 * {@code src/test/resources/ocsf/<version>}): resolves a class's attributes through {@code extends} and
 * {@code $include}d profiles, takes each attribute's type, array-ness and enum from the dictionary with the class's
 * or object's own overrides, and checks required attributes (those of a profile only when the event names the
 * profile in {@code metadata.profiles}), that no attribute is unknown, types, enums, that an {@code _id}'s caption
 * sibling matches the enum's caption, and that {@code type_uid} is {@code class_uid * 100 + activity_id}.
 */
final class OcsfSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String root;
    private final ObjectNode dictionary;
    private final JsonNode types;
    private final Map<String, Map<String, Attribute>> resolved = new LinkedHashMap<>();

    /** One attribute as an event or object uses it. */
    record Attribute(String name, String type, boolean array, String requirement, String profile,
                     Map<String, String> enumCaptions) {
    }

    OcsfSchema(String version) {
        this.root = "/ocsf/" + version + "/";
        ObjectNode dict = (ObjectNode) read("dictionary.json");
        this.dictionary = (ObjectNode) dict.get("attributes");
        this.types = dict.get("types").get("attributes");
    }

    /** Every problem of one event of the class in {@code events/<path>.json}; empty when it is valid. */
    List<String> validate(String classPath, JsonNode event) {
        List<String> errors = new ArrayList<>();
        Set<String> profiles = new HashSet<>();
        event.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
        validateObject("", event, attributes("events/" + classPath + ".json"), profiles, errors);
        // the published schema numbers classes within their category (categories.json): uid = category * 1000 + class
        JsonNode eventClass = read("events/" + classPath + ".json");
        String category = read("events/" + classPath.substring(0, classPath.indexOf('/') + 1) + "finding.json")
                .path("category").asText(eventClass.path("category").asText());
        int categoryUid = read("categories.json").path("attributes").path(category).path("uid").asInt(-1);
        if (event.path("category_uid").asInt() != categoryUid) {
            errors.add("category_uid: " + event.path("category_uid") + " is not " + category + "'s " + categoryUid);
        }
        long classUid = categoryUid * 1000L + eventClass.path("uid").asInt();
        if (event.path("class_uid").asLong() != classUid) {
            errors.add("class_uid: " + event.path("class_uid") + " is not " + classUid);
        }
        long expected = event.path("class_uid").asLong() * 100 + event.path("activity_id").asLong();
        if (event.path("type_uid").asLong() != expected) {
            errors.add("type_uid: " + event.path("type_uid") + " is not class_uid * 100 + activity_id = " + expected);
        }
        return errors;
    }

    private void validateObject(String path, JsonNode node, Map<String, Attribute> attributes, Set<String> profiles,
                                List<String> errors) {
        if (!node.isObject()) {
            errors.add(path + ": expected an object, found " + node.getNodeType());
            return;
        }
        for (Attribute a : attributes.values()) {
            boolean applies = a.profile() == null || profiles.contains(a.profile());
            if ("required".equals(a.requirement()) && applies && !node.has(a.name())) {
                errors.add(join(path, a.name()) + ": required attribute missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = join(path, field.getKey());
            Attribute a = attributes.get(field.getKey());
            if (a == null) {
                errors.add(at + ": not an attribute of this class or object");
                continue;
            }
            if (a.array()) {
                if (!field.getValue().isArray()) {
                    errors.add(at + ": expected an array");
                    continue;
                }
                int i = 0;
                for (JsonNode item : field.getValue()) {
                    validateValue(at + "[" + i++ + "]", item, a, profiles, errors);
                }
            } else {
                validateValue(at, field.getValue(), a, profiles, errors);
                checkCaption(at, node, a, field.getValue(), errors);
            }
        }
    }

    private void validateValue(String at, JsonNode value, Attribute a, Set<String> profiles, List<String> errors) {
        // class and category ids are enumerated by the schema server from categories.json: checked in validate
        boolean generatedEnum = at.equals("class_uid") || at.equals("category_uid");
        if (!generatedEnum && !a.enumCaptions().isEmpty() && !a.enumCaptions().containsKey(value.asText())) {
            errors.add(at + ": " + value + " is not one of " + a.enumCaptions().keySet());
        }
        String type = a.type();
        if (type.equals("object")) {
            if (!value.isObject()) {
                errors.add(at + ": expected a JSON object");
            }
            return;
        }
        if (!type.endsWith("_t")) {
            validateObject(at, value, objectAttributes(type), profiles, errors);
            return;
        }
        String base = baseType(type);
        boolean ok = switch (base) {
            case "string_t" -> value.isTextual();
            case "integer_t" -> value.isInt();
            case "long_t", "timestamp_t" -> value.isIntegralNumber();
            case "float_t" -> value.isNumber();
            case "boolean_t" -> value.isBoolean();
            case "json_t" -> true;
            default -> false;
        };
        if (!ok) {
            errors.add(at + ": " + value.getNodeType() + " is not a " + type);
            return;
        }
        JsonNode t = types.get(type);
        if (t != null && value.isTextual()) {
            if (t.has("max_len") && value.asText().length() > t.get("max_len").asInt()) {
                errors.add(at + ": longer than " + t.get("max_len") + " characters");
            }
            if (t.has("regex")) {
                try {
                    if (!Pattern.compile(t.get("regex").asText()).matcher(value.asText()).find()) {
                        errors.add(at + ": " + value + " does not match " + type);
                    }
                } catch (PatternSyntaxException ignored) {
                    // a pattern in a regex dialect Java does not read: the type check above stands
                }
            }
        }
    }

    /** {@code severity} beside {@code severity_id}: the enum's caption, unless the id is 99 (Other, free text). */
    private static void checkCaption(String at, JsonNode node, Attribute a, JsonNode value, List<String> errors) {
        if (!a.name().endsWith("_id") || a.enumCaptions().isEmpty() || value.asInt() == 99) {
            return;
        }
        String sibling = a.name().substring(0, a.name().length() - 3);
        String caption = a.enumCaptions().get(value.asText());
        if (node.has(sibling) && caption != null && !caption.equals(node.get(sibling).asText())) {
            errors.add(at + ": caption " + node.get(sibling) + " in " + sibling + " is not the enum's '" + caption
                    + "'");
        }
    }

    private String baseType(String type) {
        String t = type;
        for (int i = 0; i < 10; i++) {
            JsonNode def = types.get(t);
            if (def == null || !def.has("type")) {
                return t;
            }
            t = def.get("type").asText();
        }
        return t;
    }

    private Map<String, Attribute> objectAttributes(String object) {
        return attributes("objects/" + object + ".json");
    }

    /** A class's or object's attributes: its parents' first, its own over them; then each resolved to a type. */
    private Map<String, Attribute> attributes(String file) {
        Map<String, Attribute> cached = resolved.get(file);
        if (cached != null) {
            return cached;
        }
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        Map<String, String> profileOf = new LinkedHashMap<>();
        collect(file, merged, profileOf);
        Map<String, Attribute> out = new LinkedHashMap<>();
        merged.forEach((name, own) -> out.put(name, resolve(name, own, profileOf.get(name))));
        resolved.put(file, out);
        return out;
    }

    private void collect(String file, Map<String, ObjectNode> merged, Map<String, String> profileOf) {
        JsonNode def = read(file);
        String parent = def.path("extends").asText(null);
        if (parent != null && !parent.equals("object")) {
            collect(file.startsWith("objects/") ? "objects/" + parent + ".json"
                    : parentEventFile(parent), merged, profileOf);
        }
        JsonNode attributes = def.path("attributes");
        for (JsonNode include : attributes.path("$include")) {
            JsonNode profile = read(include.asText());
            profile.path("attributes").fields().forEachRemaining(e -> {
                merge(merged, e.getKey(), e.getValue());
                profileOf.putIfAbsent(e.getKey(), profile.path("name").asText());
            });
        }
        attributes.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("$")) {
                merge(merged, e.getKey(), e.getValue());
                profileOf.remove(e.getKey());
            }
        });
    }

    private static String parentEventFile(String parent) {
        return parent.equals("base_event") ? "events/base_event.json" : "events/findings/" + parent + ".json";
    }

    private static void merge(Map<String, ObjectNode> merged, String name, JsonNode own) {
        ObjectNode into = merged.computeIfAbsent(name, k -> MAPPER.createObjectNode());
        own.fields().forEachRemaining(e -> {
            if (e.getKey().equals("enum") && into.has("enum")) {
                ((ObjectNode) into.get("enum")).setAll((ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private Attribute resolve(String name, ObjectNode own, String profile) {
        JsonNode dict = dictionary.get(name);
        if (dict == null) {
            throw new IllegalStateException("attribute " + name + " is not in the dictionary");
        }
        Map<String, String> captions = new LinkedHashMap<>();
        dict.path("enum").fields().forEachRemaining(e -> captions.put(e.getKey(), e.getValue().path("caption").asText()));
        own.path("enum").fields().forEachRemaining(e -> captions.put(e.getKey(), e.getValue().path("caption").asText()));
        String type = own.has("type") ? own.get("type").asText() : dict.path("type").asText();
        boolean array = own.has("is_array") ? own.get("is_array").asBoolean() : dict.path("is_array").asBoolean();
        String requirement = own.has("requirement") && !own.get("requirement").isNull()
                ? own.get("requirement").asText() : "optional";
        return new Attribute(name, type, array, requirement, profile, captions);
    }

    private JsonNode read(String file) {
        try (InputStream in = OcsfSchema.class.getResourceAsStream(root + file)) {
            if (in == null) {
                throw new IllegalStateException("OCSF schema file " + root + file
                        + " is not vendored (see src/test/resources/ocsf/*/SOURCE.md)");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
