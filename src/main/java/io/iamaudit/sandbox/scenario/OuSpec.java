package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** An organizational unit and its nested children; the id is derived from the name when absent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OuSpec(String name, String id, Map<String, String> tags, List<OuSpec> children) {

    public OuSpec {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
