package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An IAM user. {@code password} absent = no console access; {@code mfa} is {@code none}, {@code virtual} or
 * {@code hardware}; at most two access keys; policies are attached by name (AWS managed or customer managed in the
 * same account) or ARN; inline policies map a name to a document (YAML map or JSON string); {@code lastAccessed}
 * is the service usage Access Advisor reports.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UserSpec(String name, String path, List<String> groups, Map<String, String> tags,
                       Integer createdDaysAgo, PasswordSpec password, String mfa, List<AccessKeySpec> accessKeys,
                       List<String> attachedPolicies, Map<String, JsonNode> inlinePolicies,
                       Map<String, ServiceUsage> lastAccessed) {

    public UserSpec {
        path = path == null ? "/" : path;
        groups = groups == null ? List.of() : List.copyOf(groups);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        mfa = mfa == null ? "none" : mfa;
        accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? Map.of() : OrderedMaps.ordered(inlinePolicies);
        lastAccessed = lastAccessed == null ? Map.of() : OrderedMaps.ordered(lastAccessed);
    }
}
