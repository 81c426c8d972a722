package io.iamaudit.analyze;

/**
 * One thing a rule found wrong about one identity (or about the account as a whole).
 *
 * @param principalType  Account, RootUser, User, Role, Group, Policy, AccessKey, ServerCertificate, Analyzer, ...
 * @param subject        distinguishes several violations of one rule on one principal (e.g. {@code access_key_2});
 *                       {@code null} when there is at most one; part of the stable finding id
 * @param recommendation what to do; {@code null} falls back to the rule's remediation
 */
public record Violation(String principalType, String principalName, String principalArn, String subject,
                        String evidence, String recommendation) {

    public static Violation of(String type, String name, String arn, String evidence) {
        return new Violation(type, name, arn, null, evidence, null);
    }

    public Violation withSubject(String newSubject) {
        return new Violation(principalType, principalName, principalArn, newSubject, evidence, recommendation);
    }

    public Violation withRecommendation(String text) {
        return new Violation(principalType, principalName, principalArn, subject, evidence, text);
    }
}
