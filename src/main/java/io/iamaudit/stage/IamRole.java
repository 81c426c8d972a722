package io.iamaudit.stage;

import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role from GetAccountAuthorizationDetails.
 *
 * @param trustPolicy  the AssumeRolePolicyDocument, plain JSON
 * @param lastUsedDate RoleLastUsed.LastUsedDate; {@code null} when AWS saw no use in its 400-day window
 */
public record IamRole(String roleName, String roleId, String arn, String path, Instant createDate, String trustPolicy,
                      List<AttachedPolicy> attachedPolicies, List<InlinePolicy> inlinePolicies,
                      String permissionsBoundaryArn, Map<String, String> tags,
                      Instant lastUsedDate, String lastUsedRegion) {
    public IamRole {
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean serviceLinked() {
        return path != null && path.startsWith("/aws-service-role/");
    }

    /** Roles that IAM Identity Center creates for permission sets: fix the permission set, not the role. */
    public boolean identityCenterReserved() {
        return path != null && path.startsWith("/aws-reserved/sso.amazonaws.com/");
    }
}
