package io.iamaudit.publish;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Optional;

/**
 * A versioned object in S3: the tag is the ETag; a replace is one PutObject (atomic per object) with If-Match on the
 * ETag read, or If-None-Match: * to create, so S3 itself refuses a write based on a stale read (412
 * PreconditionFailed; 409 ConditionalRequestConflict while another conditional write is in flight).
 */
public final class S3VersionedObject implements VersionedObject {
    private final S3Client s3;
    private final OutputLocation.S3 location;
    private final String relative;
    private final S3Objects objects;

    public S3VersionedObject(S3Client s3, OutputLocation.S3 location, String relative, S3PublishOptions options) {
        this.s3 = s3;
        this.location = location;
        this.relative = relative;
        this.objects = new S3Objects(s3, location.bucket(), options);
    }

    @Override
    public Optional<Version> read() {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(location.bucket())
                    .key(location.key(relative)));
            return Optional.of(new Version(bytes.asByteArray(), bytes.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StoreReadException("cannot read " + address() + ": " + StoreErrors.describe(e));
        }
    }

    @Override
    public boolean replace(byte[] content, String expectedTag) {
        PutObjectRequest.Builder request = objects.putRequest(location.key(relative), relative, Sha256.hex(content));
        if (expectedTag == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(expectedTag);
        }
        try {
            s3.putObject(request.build(), RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            // 412: changed since read; 409: a concurrent conditional write; 404: deleted since read (If-Match)
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String address() {
        return "s3://" + location.bucket() + "/" + location.key(relative);
    }
}
