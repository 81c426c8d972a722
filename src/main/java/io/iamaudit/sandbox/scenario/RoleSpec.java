package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An IAM role: path ({@code /aws-service-role/…} for service-linked, {@code /aws-reserved/sso.amazonaws.com/} for
 * Identity Center), trust policy, attached and inline policies, age and last use (absent = never used in the
 * tracking window), and the service usage Access Advisor reports.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RoleSpec(String name, String path, String description, JsonNode trustPolicy,
                       List<String> attachedPolicies, Map<String, JsonNode> inlinePolicies, Integer createdDaysAgo,
                       Integer lastUsedDaysAgo, String lastUsedRegion, Map<String, String> tags,
                       Integer maxSessionDuration, Map<String, ServiceUsage> lastAccessed) {

    public RoleSpec {
        path = path == null ? "/" : path;
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? Map.of() : OrderedMaps.ordered(inlinePolicies);
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        maxSessionDuration = maxSessionDuration == null ? 3600 : maxSessionDuration;
        lastAccessed = lastAccessed == null ? Map.of() : OrderedMaps.ordered(lastAccessed);
    }
}
