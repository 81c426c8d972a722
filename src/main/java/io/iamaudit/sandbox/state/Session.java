package io.iamaudit.sandbox.state;

import java.time.Instant;

/** Temporary credentials AssumeRole issued (at {@code issued}), bound to the role's account. */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, String accountId,
                      String roleName, String roleId, String sessionName, Instant issued, Instant expiration,
                      String sourceIdentity) {

    public String assumedRoleArn() {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
