package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** An IAM group with its attached and inline policies; members are named on the users. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GroupSpec(String name, String path, Integer createdDaysAgo, List<String> attachedPolicies,
                        Map<String, JsonNode> inlinePolicies) {

    public GroupSpec {
        path = path == null ? "/" : path;
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? Map.of() : OrderedMaps.ordered(inlinePolicies);
    }
}
