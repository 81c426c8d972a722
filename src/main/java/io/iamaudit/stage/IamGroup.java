package io.iamaudit.stage;

import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;

import java.time.Instant;
import java.util.List;

/** An IAM group from GetAccountAuthorizationDetails. */
public record IamGroup(String groupName, String groupId, String arn, String path, Instant createDate,
                       List<AttachedPolicy> attachedPolicies, List<InlinePolicy> inlinePolicies) {
    public IamGroup {
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
    }
}
