package io.iamaudit.stage;

/** Small value types for policies referenced by principals. */
public final class PolicyRefs {
    private PolicyRefs() {
    }

    /** A managed policy attached to a user, group or role. */
    public record AttachedPolicy(String policyName, String policyArn) {
    }

    /** An inline policy; {@code document} is plain (URL-decoded) JSON. */
    public record InlinePolicy(String policyName, String document) {
    }
}
