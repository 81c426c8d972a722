package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.iamaudit.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS managed policies a scenario may attach by name, with the sandbox's own small documents for them
 * (classpath {@code sandbox/aws-managed-policies.yaml}).
 */
public final class AwsManagedPolicies {

    /** One AWS managed policy: its name, path, current default version and document. */
    public record AwsManagedPolicy(String name, String path, String versionId, String description, JsonNode document) {

        public String arn() {
            return "arn:aws:iam::aws:policy" + path + name;
        }
    }

    private static final Map<String, AwsManagedPolicy> BY_NAME = load();

    private AwsManagedPolicies() {
    }

    /** The policy with this name, or null when the sandbox does not ship it. */
    public static AwsManagedPolicy byName(String name) {
        return BY_NAME.get(name);
    }

    /** The policy with this ARN, or null. */
    public static AwsManagedPolicy byArn(String arn) {
        return BY_NAME.values().stream().filter(p -> p.arn().equals(arn)).findFirst().orElse(null);
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    private static Map<String, AwsManagedPolicy> load() {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream("/sandbox/aws-managed-policies.yaml")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/aws-managed-policies.yaml missing from the classpath");
            }
            List<AwsManagedPolicy> list = Mappers.yaml().readValue(in, new TypeReference<>() { });
            Map<String, AwsManagedPolicy> out = new LinkedHashMap<>();
            list.forEach(p -> out.put(p.name(), p));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
