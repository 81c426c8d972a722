package io.iamaudit.stage;

/**
 * The account password policy. Absence (NoSuchEntity) is staged as an empty {@link java.util.Optional}.
 *
 * @param maxPasswordAge         days; {@code null} when passwords never expire
 * @param passwordReusePrevention number of previous passwords remembered; {@code null} when not set
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, boolean expirePasswords, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry) {
}
