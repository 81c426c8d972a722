package io.iamaudit.stage;

import java.time.Instant;

/**
 * A managed policy (customer or AWS managed, as returned by GetAccountAuthorizationDetails) with its default version.
 *
 * @param defaultDocument          the default version's document, plain JSON
 * @param defaultVersionCreateDate when the default version was created (the grace period for new permissions uses it)
 */
public record ManagedPolicy(String policyName, String policyId, String arn, String path, String defaultVersionId,
                            int attachmentCount, Instant createDate, Instant updateDate,
                            String defaultDocument, Instant defaultVersionCreateDate) {

    public boolean awsManaged() {
        return arn != null && arn.contains(":iam::aws:policy/");
    }
}
