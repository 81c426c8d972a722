package io.iamaudit.report;

import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user or role from the authorization details, with its last use (roles: RoleLastUsed; users: the credential
 * report's most recent password or key use).
 */
public record PrincipalRow(String accountId, String accountName, String principalType, String name, String arn,
                           String path, Instant created, Instant lastUsed, List<AttachedPolicy> attachedPolicies,
                           List<InlinePolicy> inlinePolicies, List<String> groups, String permissionsBoundaryArn,
                           Map<String, String> tags, Instant asOf) {
    public PrincipalRow {
        attachedPolicies = List.copyOf(attachedPolicies);
        inlinePolicies = List.copyOf(inlinePolicies);
        groups = List.copyOf(groups);
        tags = Map.copyOf(tags);
    }

    public Long daysSinceLastUse() {
        return Ages.days(lastUsed, asOf);
    }
}
