package io.iamaudit.publish;

/**
 * How objects are written to S3.
 *
 * @param kmsKeyId           SSE-KMS only: key id, ARN or alias; {@code null} uses the account's {@code aws/s3} key
 * @param multipartThreshold files larger than this many bytes go up in parts
 * @param partSize           bytes per part; S3 requires at least 5 MiB for every part but the last
 */
public record S3PublishOptions(Encryption encryption, String kmsKeyId, long multipartThreshold, long partSize) {
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** Server-side encryption of every object; there is deliberately no "none". */
    public enum Encryption { SSE_S3, SSE_KMS }

    public S3PublishOptions {
        if (encryption == null) {
            throw new IllegalArgumentException("encryption is required (SSE_S3 or SSE_KMS)");
        }
        if (encryption == Encryption.SSE_S3 && kmsKeyId != null) {
            throw new IllegalArgumentException("a KMS key id needs SSE_KMS encryption");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size " + partSize + " is below S3's minimum of " + MIN_PART_SIZE);
        }
        if (multipartThreshold < 1) {
            throw new IllegalArgumentException("multipart threshold must be positive: " + multipartThreshold);
        }
    }

    /** SSE-S3 (AES256); multipart above 64 MiB in 16 MiB parts. */
    public static S3PublishOptions defaults() {
        return new S3PublishOptions(Encryption.SSE_S3, null, 64L * 1024 * 1024, 16L * 1024 * 1024);
    }

    public S3PublishOptions withKms(String keyId) {
        return new S3PublishOptions(Encryption.SSE_KMS, keyId, multipartThreshold, partSize);
    }

    public S3PublishOptions withMultipart(long threshold, long part) {
        return new S3PublishOptions(encryption, kmsKeyId, threshold, part);
    }
}
