package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An Access Analyzer finding of one analyzer. External access findings use {@code principal}, {@code actions},
 * {@code publicAccess} and {@code condition}; unused access findings ({@code UnusedIAMRole},
 * {@code UnusedIAMUserAccessKey}, {@code UnusedIAMUserPassword}, {@code UnusedPermission}) use
 * {@code lastAccessedDaysAgo}, {@code accessKeyId} (default: the user's key number {@code accessKeyIndex}, 1 or 2,
 * default 1) or {@code services}. The id is derived when absent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FindingSpec(String id, String analyzer, String type, String resource, String resourceType,
                          String account, String status, Integer createdDaysAgo, Integer updatedDaysAgo,
                          Map<String, String> principal, List<String> actions, Boolean publicAccess,
                          Map<String, String> condition, Integer lastAccessedDaysAgo, String accessKeyId,
                          Integer accessKeyIndex, List<UnusedServiceSpec> services) {

    public FindingSpec {
        status = status == null ? "ACTIVE" : status;
        createdDaysAgo = createdDaysAgo == null ? 30 : createdDaysAgo;
        updatedDaysAgo = updatedDaysAgo == null ? 1 : updatedDaysAgo;
        principal = principal == null ? Map.of() : OrderedMaps.ordered(principal);
        actions = actions == null ? List.of() : List.copyOf(actions);
        publicAccess = publicAccess != null && publicAccess;
        condition = condition == null ? Map.of() : OrderedMaps.ordered(condition);
        accessKeyIndex = accessKeyIndex == null ? 1 : accessKeyIndex;
        services = services == null ? List.of() : List.copyOf(services);
    }
}
