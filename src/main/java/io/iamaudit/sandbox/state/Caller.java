package io.iamaudit.sandbox.state;

/**
 * Who is calling, as their credentials say: the account the call is for, the caller's ARN and user id (as
 * GetCallerIdentity reports them) and the access key used. {@code session} is null for base credentials.
 */
public record Caller(String accountId, String arn, String userId, String accessKeyId, Session session) {

    public boolean assumed() {
        return session != null;
    }
}
