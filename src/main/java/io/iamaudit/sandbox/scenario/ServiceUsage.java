package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * When a principal last used one service ({@code daysAgo}; absent = never), from which region, and when it last
 * used individual actions of it (action name without prefix → days ago).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceUsage(Integer daysAgo, String region, Map<String, Integer> actions) {

    public ServiceUsage {
        region = region == null ? "us-east-1" : region;
        actions = actions == null ? Map.of() : OrderedMaps.ordered(actions);
    }
}
