package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A console password: when it was last used (absent = never) and last changed (absent = at user creation). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordSpec(Integer lastUsedDaysAgo, Integer changedDaysAgo) {
}
