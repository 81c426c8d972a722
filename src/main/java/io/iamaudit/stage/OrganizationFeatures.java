package io.iamaudit.stage;

import java.util.List;

/**
 * The organization's centralized root access features, as IAM's ListOrganizationsFeatures reports them in the
 * management account or IAM's delegated administrator.
 *
 * @param organizationId     {@code o-…}; {@code null} when IAM has no trusted access (AWS then names none)
 * @param iamTrustedAccess   whether trusted access for IAM is enabled in Organizations: without it no feature can be
 *                           on (AWS answers ServiceAccessNotEnabledException, which is an answer, not missing data)
 * @param enabledFeatures    {@code RootCredentialsManagement} and/or {@code RootSessions}
 */
public record OrganizationFeatures(String organizationId, boolean iamTrustedAccess, List<String> enabledFeatures) {

    public static final String ROOT_CREDENTIALS_MANAGEMENT = "RootCredentialsManagement";
    public static final String ROOT_SESSIONS = "RootSessions";

    public OrganizationFeatures {
        enabledFeatures = enabledFeatures == null ? List.of() : List.copyOf(enabledFeatures);
    }

    public boolean enabled(String feature) {
        return enabledFeatures.contains(feature);
    }
}
