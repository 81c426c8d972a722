package io.iamaudit.collect;

/**
 * The audit could not get into an account at all (AssumeRole refused, or every call failing), so the job marks the
 * account FAILED with this message. Carries AWS's error code and message, never credentials.
 */
public class AccountAccessException extends RuntimeException {

    private final String accountId;
    private final String errorCode;

    public AccountAccessException(String accountId, String errorCode, String message, Throwable cause) {
        super("account " + accountId + ": " + (errorCode == null ? "" : errorCode + ": ") + message, cause);
        this.accountId = accountId;
        this.errorCode = errorCode;
    }

    public String accountId() {
        return accountId;
    }

    /** AWS's error code, e.g. {@code AccessDenied}; {@code null} when the failure was not an AWS error. */
    public String errorCode() {
        return errorCode;
    }
}
