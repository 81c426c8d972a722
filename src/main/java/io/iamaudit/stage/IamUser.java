package io.iamaudit.stage;

import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An IAM user from GetAccountAuthorizationDetails. */
public record IamUser(String userName, String userId, String arn, String path, Instant createDate,
                      List<String> groups, List<AttachedPolicy> attachedPolicies, List<InlinePolicy> inlinePolicies,
                      String permissionsBoundaryArn, Map<String, String> tags) {
    public IamUser {
        groups = groups == null ? List.of() : List.copyOf(groups);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
