package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An access key: active flag, age, and last use (absent = never used); the region is absent for global services
 * such as s3 or iam, as the credential report writes N/A there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeySpec(Boolean active, Integer createdDaysAgo, Integer lastUsedDaysAgo, String lastUsedService,
                            String lastUsedRegion) {

    public AccessKeySpec {
        active = active == null || active;
        createdDaysAgo = createdDaysAgo == null ? 30 : createdDaysAgo;
    }
}
