package io.iamaudit.collect;

import io.iamaudit.stage.OrganizationFeatures;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;
import software.amazon.awssdk.services.iam.model.ServiceAccessNotEnabledException;

/**
 * ListOrganizationsFeatures: whether the organization manages member roots centrally (root credentials management,
 * root sessions). Only the management account or IAM's delegated administrator may ask, so it is read once per run,
 * with the runner's own credentials. "Trusted access for IAM not enabled" is AWS's way of saying no feature is on:
 * it becomes an answer with no features. Any other error (not the management account or delegated administrator, no
 * organization, not all features) is missing data.
 */
public final class OrganizationFeaturesCollector {

    private final IamClient iam;

    public OrganizationFeaturesCollector(IamClient iam) {
        this.iam = iam;
    }

    public OrganizationFeatures collect() {
        try {
            ListOrganizationsFeaturesResponse r = iam.listOrganizationsFeatures(b -> { });
            return new OrganizationFeatures(r.organizationId(), true, r.enabledFeaturesAsStrings());
        } catch (ServiceAccessNotEnabledException e) {
            return new OrganizationFeatures(null, false, java.util.List.of());
        }
    }
}
