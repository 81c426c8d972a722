package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The account password policy, field for field as GetAccountPasswordPolicy returns it; null ints are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordPolicySpec(Integer minimumLength, boolean requireSymbols, boolean requireNumbers,
                                 boolean requireUppercase, boolean requireLowercase,
                                 Boolean allowUsersToChangePassword, Integer maxPasswordAge,
                                 Integer passwordReusePrevention, boolean hardExpiry) {

    public PasswordPolicySpec {
        minimumLength = minimumLength == null ? 8 : minimumLength;
        // AWS: UpdateAccountPasswordPolicy without AllowUsersToChangePassword sets false
        allowUsersToChangePassword = allowUsersToChangePassword != null && allowUsersToChangePassword;
    }
}
