package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One service of an UnusedPermission finding: when the service was last used (absent = never) and its unused
 * actions (action name → days since last use, null = never used).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UnusedServiceSpec(String namespace, Integer lastAccessedDaysAgo, Map<String, Integer> actions) {

    public UnusedServiceSpec {
        actions = actions == null ? Map.of() : OrderedMaps.ordered(actions);
    }
}
