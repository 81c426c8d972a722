package io.iamaudit.collect;

import java.util.Locale;

/**
 * How the audit enters member accounts.
 *
 * @param roleName       the role to assume in each member account
 * @param externalId     optional ExternalId the role's trust policy requires
 * @param sourceIdentity optional SourceIdentity, so CloudTrail in the member accounts names the auditor
 * @param runId          the run, part of RoleSessionName so CloudTrail ties calls to the run
 */
public record AssumeRoleSettings(String roleName, String externalId, String sourceIdentity, String runId) {

    public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";
    private static final int MAX_SESSION_NAME = 64;

    public AssumeRoleSettings {
        roleName = roleName == null || roleName.isBlank() ? DEFAULT_ROLE_NAME : roleName;
        externalId = blankToNull(externalId);
        sourceIdentity = blankToNull(sourceIdentity);
    }

    public static AssumeRoleSettings forRun(String runId) {
        return new AssumeRoleSettings(DEFAULT_ROLE_NAME, null, null, runId);
    }

    public String roleArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    /** {@code iam-audit-<runId>} reduced to what STS accepts ({@code [\w+=,.@-]}, at most 64 characters). */
    public String roleSessionName() {
        String raw = "iam-audit-" + (runId == null ? "run" : runId);
        String sanitised = raw.replaceAll("[^\\w+=,.@-]", "-").toLowerCase(Locale.ROOT);
        return sanitised.length() > MAX_SESSION_NAME ? sanitised.substring(0, MAX_SESSION_NAME) : sanitised;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
