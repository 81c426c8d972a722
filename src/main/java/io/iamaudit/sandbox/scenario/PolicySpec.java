package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A customer managed policy: its default document, when it was created and when the default version was created
 * ({@code updatedDaysAgo}), plus older non-default versions, oldest first.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PolicySpec(String name, String path, String description, JsonNode document, Integer createdDaysAgo,
                         Integer updatedDaysAgo, List<JsonNode> previousVersions) {

    public PolicySpec {
        path = path == null ? "/" : path;
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        updatedDaysAgo = updatedDaysAgo == null ? createdDaysAgo : updatedDaysAgo;
        previousVersions = previousVersions == null ? List.of() : List.copyOf(previousVersions);
    }
}
