package io.iamaudit.collect;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns SDK exceptions into the one-line reasons stored with failed data sets: AWS's code and message. */
public final class AwsErrors {

    private AwsErrors() {
    }

    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage()
                        + " (HTTP " + aws.statusCode() + ")";
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** AWS's error code, or {@code null} when the failure did not come from AWS. */
    public static String code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                return aws.awsErrorDetails().errorCode();
            }
        }
        return null;
    }
}
