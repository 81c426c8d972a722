package io.iamaudit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFormation template written in long-form intrinsics, rendered offline the way CloudFormation would for a
 * given set of parameter values: {@code Ref}, {@code Fn::Sub}, {@code Fn::If} with its {@code AWS::NoValue},
 * conditions, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}. {@code Fn::GetAtt} renders as
 * {@code <Logical.Attr>}. A reference to an undeclared parameter, resource or condition fails the render, so a
 * typo in a template fails a test instead of a deployment.
 */
final class CfnTemplate {

    static final String ACCOUNT = "111111111111";
    static final String REGION = "us-east-1";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");
    private static final JsonNode NO_VALUE = TextNode.valueOf("\u0000AWS::NoValue");

    private final JsonNode root;

    private CfnTemplate(JsonNode root) {
        this.root = root;
    }

    static CfnTemplate load(Path path) throws IOException {
        return new CfnTemplate(YAML.readTree(path.toFile()));
    }

    JsonNode raw() {
        return root;
    }

    /** The template with every intrinsic resolved for these parameter values (declared defaults fill the rest). */
    Rendered render(Map<String, String> parameterValues) {
        Map<String, String> params = new HashMap<>();
        root.path("Parameters").properties().forEach(p -> {
            if (p.getValue().has("Default")) {
                params.put(p.getKey(), p.getValue().get("Default").asText());
            }
        });
        for (var e : parameterValues.entrySet()) {
            if (!root.path("Parameters").has(e.getKey())) {
                throw new IllegalArgumentException("template declares no parameter " + e.getKey());
            }
            params.put(e.getKey(), e.getValue());
        }
        root.path("Parameters").properties().forEach(p -> {
            if (!params.containsKey(p.getKey())) {
                throw new IllegalArgumentException("parameter " + p.getKey() + " has no default and no value");
            }
        });
        params.put("AWS::Partition", "aws");
        params.put("AWS::AccountId", ACCOUNT);
        params.put("AWS::Region", REGION);
        params.put("AWS::StackName", "iam-audit");
        return new Renderer(params).render();
    }

    /** A rendered template: the resources whose condition holds, with plain values only. */
    record Rendered(ObjectNode resources, Map<String, Boolean> conditions) {

        JsonNode resource(String logicalId) {
            JsonNode r = resources.get(logicalId);
            if (r == null) {
                throw new IllegalArgumentException("no resource " + logicalId);
            }
            return r;
        }

        List<JsonNode> resourcesOfType(String type) {
            return resources.properties().stream().map(Map.Entry::getValue)
                    .filter(r -> type.equals(r.path("Type").asText())).toList();
        }
    }

    private final class Renderer {
        private final Map<String, String> params;
        private final Map<String, Boolean> conditions = new HashMap<>();

        Renderer(Map<String, String> params) {
            this.params = params;
        }

        Rendered render() {
            root.path("Conditions").properties().forEach(c -> condition(c.getKey()));
            ObjectNode resources = JsonNodeFactory.instance.objectNode();
            root.path("Resources").properties().forEach(r -> {
                JsonNode cond = r.getValue().get("Condition");
                if (cond == null || condition(cond.asText())) {
                    resources.set(r.getKey(), resolve(r.getValue()));
                }
            });
            return new Rendered(resources, Map.copyOf(conditions));
        }

        private boolean condition(String name) {
            Boolean known = conditions.get(name);
            if (known != null) {
                return known;
            }
            JsonNode def = root.path("Conditions").get(name);
            if (def == null) {
                throw new IllegalArgumentException("undeclared condition " + name);
            }
            boolean value = evaluate(def);
            conditions.put(name, value);
            return value;
        }

        private boolean evaluate(JsonNode node) {
            if (node.has("Condition")) {
                return condition(node.get("Condition").asText());
            }
            var fn = node.properties().iterator().next();
            JsonNode args = fn.getValue();
            return switch (fn.getKey()) {
                case "Fn::Equals" -> resolve(args.get(0)).asText().equals(resolve(args.get(1)).asText());
                case "Fn::Not" -> !evaluate(args.get(0));
                case "Fn::And" -> all(args, true);
                case "Fn::Or" -> !all(args, false);
                default -> throw new IllegalArgumentException("unsupported condition function " + fn.getKey());
            };
        }

        private boolean all(JsonNode args, boolean expected) {
            for (JsonNode a : args) {
                if (evaluate(a) != expected) {
                    return false;
                }
            }
            return true;
        }

        private JsonNode resolve(JsonNode node) {
            if (node.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : node) {
                    JsonNode r = resolve(item);
                    if (r != NO_VALUE) {
                        out.add(r);
                    }
                }
                return out;
            }
            if (!node.isObject()) {
                return node;
            }
            if (node.size() == 1) {
                var fn = node.properties().iterator().next();
                if (fn.getKey().equals("Ref") || fn.getKey().startsWith("Fn::")) {
                    return intrinsic(fn.getKey(), fn.getValue());
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (var e : node.properties()) {
                JsonNode r = resolve(e.getValue());
                if (r != NO_VALUE) {
                    out.set(e.getKey(), r);
                }
            }
            return out;
        }

        private JsonNode intrinsic(String fn, JsonNode args) {
            return switch (fn) {
                case "Ref" -> ref(args.asText());
                case "Fn::Sub" -> TextNode.valueOf(sub(args));
                case "Fn::If" -> condition(args.get(0).asText()) ? resolve(args.get(1)) : resolve(args.get(2));
                case "Fn::GetAtt" -> getAtt(args);
                case "Fn::Join" -> {
                    StringBuilder sb = new StringBuilder();
                    JsonNode items = resolve(args.get(1));
                    for (int i = 0; i < items.size(); i++) {
                        sb.append(i == 0 ? "" : args.get(0).asText()).append(items.get(i).asText());
                    }
                    yield TextNode.valueOf(sb.toString());
                }
                case "Fn::Split" -> {
                    ArrayNode out = JsonNodeFactory.instance.arrayNode();
                    for (String part : resolve(args.get(1)).asText().split(Pattern.quote(args.get(0).asText()), -1)) {
                        out.add(part);
                    }
                    yield out;
                }
                case "Fn::Select" -> {
                    JsonNode list = resolve(args.get(1));
                    int index = resolve(args.get(0)).asInt();
                    if (index >= list.size()) {
                        throw new IllegalArgumentException("Fn::Select index " + index + " out of " + list);
                    }
                    yield list.get(index);
                }
                default -> throw new IllegalArgumentException("unsupported intrinsic " + fn);
            };
        }

        private JsonNode ref(String name) {
            if ("AWS::NoValue".equals(name)) {
                return NO_VALUE;
            }
            if (params.containsKey(name)) {
                JsonNode declared = root.path("Parameters").path(name);
                if (declared.path("Type").asText().startsWith("List<")
                        || declared.path("Type").asText().equals("CommaDelimitedList")) {
                    ArrayNode list = JsonNodeFactory.instance.arrayNode();
                    for (String item : params.get(name).split(",")) {
                        list.add(item.trim());
                    }
                    return list;
                }
                return TextNode.valueOf(params.get(name));
            }
            if (root.path("Resources").has(name)) {
                return TextNode.valueOf("<" + name + ">");
            }
            throw new IllegalArgumentException("Ref to undeclared " + name);
        }

        private JsonNode getAtt(JsonNode args) {
            String logicalId = args.isArray() ? args.get(0).asText() : args.asText().split("\\.")[0];
            String attribute = args.isArray() ? args.get(1).asText() : args.asText().split("\\.")[1];
            if (!root.path("Resources").has(logicalId)) {
                throw new IllegalArgumentException("Fn::GetAtt of undeclared resource " + logicalId);
            }
            return TextNode.valueOf("<" + logicalId + "." + attribute + ">");
        }

        private String sub(JsonNode args) {
            String text = args.isArray() ? args.get(0).asText() : args.asText();
            Map<String, String> locals = new HashMap<>();
            if (args.isArray() && args.size() > 1) {
                args.get(1).properties().forEach(e -> locals.put(e.getKey(), resolve(e.getValue()).asText()));
            }
            Matcher m = SUB_VAR.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String var = m.group(1);
                String value;
                if (var.startsWith("!")) {
                    value = "${" + var.substring(1) + "}";
                } else if (locals.containsKey(var)) {
                    value = locals.get(var);
                } else if (var.contains(".")) {
                    value = getAtt(TextNode.valueOf(var)).asText();
                } else {
                    value = ref(var).asText();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
