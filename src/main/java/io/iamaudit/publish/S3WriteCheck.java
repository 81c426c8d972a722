package io.iamaudit.publish;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Proves, before any collection, that a run could publish to an S3 output: the bucket exists, its region is the
 * one the client signs for, and a small object can be written (encrypted as the publisher writes), read back and
 * deleted under the output prefix. Without it a missing bucket surfaced only after the whole audit had run.
 */
public final class S3WriteCheck {

    private S3WriteCheck() {
    }

    /**
     * @param clientRegion the region the publisher's client signs for
     * @throws OutputNotWritableException one line naming the output, the step that failed and AWS's error
     */
    public static void check(S3Client s3, OutputLocation.S3 location, S3PublishOptions options, String clientRegion) {
        String bucket = location.bucket();
        attempt(location, "bucket '" + bucket + "' cannot be reached", () -> s3.headBucket(r -> r.bucket(bucket)));
        String region = attempt(location, "the region of bucket '" + bucket + "' cannot be read", () -> {
            String constraint = s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
            // S3 answers an empty location for us-east-1, and "EU" for buckets made long ago in eu-west-1
            return constraint == null || constraint.isEmpty() ? "us-east-1" : "EU".equals(constraint) ? "eu-west-1" : constraint;
        });
        if (!region.equals(clientRegion)) {
            throw new OutputNotWritableException(location + ": bucket '" + bucket + "' is in " + region
                    + ", not in " + clientRegion + " (set AWS_REGION or iam-audit.aws.region to " + region + ")");
        }
        String key = location.key(".iam-audit-preflight-" + UUID.randomUUID());
        byte[] probe = ("iam-audit preflight " + key).getBytes(StandardCharsets.UTF_8);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key).contentType("text/plain");
        if (options.encryption() == S3PublishOptions.Encryption.SSE_KMS) {
            put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(options.kmsKeyId());
        } else {
            put.serverSideEncryption(ServerSideEncryption.AES256);
        }
        attempt(location, "cannot write " + key, () -> s3.putObject(put.build(), RequestBody.fromBytes(probe)));
        byte[] read = attempt(location, "cannot read back " + key,
                () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        attempt(location, "cannot delete " + key, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
        if (!Arrays.equals(probe, read)) {
            throw new OutputNotWritableException(location + ": " + key + " read back differs from what was written");
        }
    }

    private static <T> T attempt(OutputLocation.S3 location, String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NoSuchBucketException e) {
            throw new OutputNotWritableException(location + ": bucket '" + location.bucket() + "' does not exist");
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && what.startsWith("bucket")) {
                throw new OutputNotWritableException(location + ": bucket '" + location.bucket() + "' does not exist");
            }
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                    ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ")";
            throw new OutputNotWritableException(location + ": " + what + ": " + code + oneLine(e.awsErrorDetails() == null
                    ? null : e.awsErrorDetails().errorMessage()));
        } catch (SdkClientException e) {
            throw new OutputNotWritableException(location + ": " + what + oneLine(e.getMessage()));
        } catch (SdkException e) {
            throw new OutputNotWritableException(location + ": " + what + ": " + e.getClass().getSimpleName()
                    + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().orElse("").strip();
    }

    /** The output store cannot take a run's reports; the message is one line. */
    public static final class OutputNotWritableException extends RuntimeException {
        public OutputNotWritableException(String message) {
            super(message);
        }
    }
}
