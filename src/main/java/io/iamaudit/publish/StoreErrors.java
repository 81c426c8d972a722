package io.iamaudit.publish;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** One-line descriptions of output-store errors: AWS's error code and message for S3, the I/O error otherwise. */
public final class StoreErrors {
    private StoreErrors() {
    }

    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof S3Exception s3) {
                String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
                String message = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
                return (code == null ? "HTTP " + s3.statusCode() : code)
                        + (message == null ? "" : " (" + firstLine(message) + ")");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
        return root.getClass().getSimpleName() + message;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
