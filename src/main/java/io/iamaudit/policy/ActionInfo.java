package io.iamaudit.policy;

import java.util.List;

/**
 * One IAM action as AWS's Service Authorization Reference defines it.
 *
 * @param action        {@code prefix:Action}, in IAM's spelling
 * @param accessLevel   its access level
 * @param resourceTypes the resource types it can be scoped to (empty: only {@code "Resource": "*"} applies)
 * @param required      whether at least one resource type is marked required
 * @param conditionKeys the condition keys it supports (action and resource-type keys together)
 */
public record ActionInfo(String action, AccessLevel accessLevel, List<String> resourceTypes, boolean required,
                         List<String> conditionKeys) {

    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** True when the action supports resource-level permissions (it has at least one resource type). */
    public boolean resourceScoped() {
        return !resourceTypes.isEmpty();
    }
}
