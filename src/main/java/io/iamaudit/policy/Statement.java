package io.iamaudit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One policy statement. Single-string and list forms are both normalised to lists; the original JSON object is kept
 * so that a rewrite changes only what it means to change (conditions, principals and unknown keys stay intact).
 *
 * @param notAction true when the statement uses {@code NotAction} (then {@code actions} holds the NotAction list)
 */
public record Statement(String sid, boolean allow, List<ActionPattern> actions, boolean notAction,
                        List<String> resources, boolean notResource, JsonNode condition, JsonNode principal,
                        ObjectNode json) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** Whether this statement's action clause covers the given action (resources and conditions aside). */
    public boolean coversAction(String action) {
        boolean listed = actions.stream().anyMatch(p -> p.matches(action));
        return notAction != listed;
    }

    public boolean hasCondition() {
        return condition != null && !condition.isEmpty();
    }

    /** True when the statement applies to every resource: {@code Resource: "*"} without NotResource. */
    public boolean allResources() {
        return !notResource && resources.contains("*");
    }
}
