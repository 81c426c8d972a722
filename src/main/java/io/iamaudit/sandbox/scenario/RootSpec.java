package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The root user: MFA kind ({@code none}, {@code virtual} or {@code hardware}), its access keys (there should be
 * none), when its password was last used (absent = never) and when the account was created.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RootSpec(String mfa, List<AccessKeySpec> accessKeys, Integer passwordLastUsedDaysAgo,
                       Integer createdDaysAgo) {

    public RootSpec {
        mfa = mfa == null ? "none" : mfa;
        accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
    }
}
