package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.scenario.OrganizationSpec;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

/**
 * ListOrganizationsFeatures: the organization's centralized root access features, from the scenario's
 * {@code organization.centralizedRootAccess}. Like AWS, only the management account and IAM's delegated
 * administrator ({@code iam.amazonaws.com}) may ask; an organization without all features, or without trusted access
 * for IAM (the field absent), answers with AWS's errors. moto 5.2 does not implement the operation: the shape and
 * error codes follow botocore's iam service model.
 */
final class IamOrganizationFeatures {

    private static final String IAM_PRINCIPAL = "iam.amazonaws.com";

    private final SandboxContext ctx;
    private final IamHandler iam;

    IamOrganizationFeatures(SandboxContext ctx, IamHandler iam) {
        this.ctx = ctx;
        this.iam = iam;
    }

    SandboxResponse list(SandboxRequest r) {
        OrganizationState state = ctx.org();
        OrganizationSpec org = state.organization();
        String caller = r.caller().accountId();
        if (!state.isManagement(caller) && !caller.equals(org.delegatedAdministrators().get(IAM_PRINCIPAL))) {
            throw new AwsException(400, "AccountNotManagementOrDelegatedAdministratorException",
                    "The request was rejected because the account making the request is not the management account "
                            + "or delegated administrator account for centralized root access.");
        }
        if (!"ALL".equals(org.featureSet())) {
            throw new AwsException(400, "OrganizationNotInAllFeaturesModeException",
                    "The request was rejected because your organization does not have All features enabled.");
        }
        if (org.centralizedRootAccess() == null) {
            throw new AwsException(400, "ServiceAccessNotEnabledException",
                    "The request was rejected because trusted access is not enabled for IAM in Organizations.");
        }
        return iam.ok(r, x -> {
            x.el("OrganizationId", org.id()).start("EnabledFeatures");
            org.centralizedRootAccess().forEach(f -> x.el("member", f));
            x.end();
        });
    }
}
