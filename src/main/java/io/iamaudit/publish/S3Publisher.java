package io.iamaudit.publish;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes to an S3 bucket with server-side encryption on every object (SSE-S3 by default, SSE-KMS on request),
 * SHA-256 checksums S3 verifies on receipt, and multipart upload above a threshold. It never sends an ACL (objects
 * stay private to the bucket owner, and buckets with ACLs disabled accept the requests). S3 has no rename: the
 * manifest, put last, marks the run complete. So a run prefix with a manifest is published and is never overwritten,
 * while a prefix with objects but no manifest is what a process killed mid-upload leaves of the same run id: its
 * objects (and unfinished multipart uploads) are deleted and the run is uploaded again.
 */
public final class S3Publisher implements Publisher {
    private final S3Client s3;
    private final OutputLocation.S3 location;
    private final S3PublishOptions options;
    private final S3Objects objects;

    public S3Publisher(S3Client s3, OutputLocation.S3 location, S3PublishOptions options) {
        this.s3 = s3;
        this.location = location;
        this.options = options;
        this.objects = new S3Objects(s3, location.bucket(), options);
    }

    @Override
    public RunUpload startRun(String runPath) {
        String prefix = location.key(runPath);
        if (objectExists(prefix + RunLayout.MANIFEST)) {
            throw new IllegalStateException("run already published, refusing to overwrite: s3://"
                    + location.bucket() + "/" + prefix);
        }
        removeInterruptedUpload(prefix);
        return new S3Upload(prefix);
    }

    private boolean objectExists(String key) {
        try {
            s3.headObject(r -> r.bucket(location.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Deletes what an interrupted upload of this run left: objects without a manifest, which readers ignore, and
     * multipart uploads never completed or aborted (S3 keeps and bills their parts until they are aborted).
     */
    private void removeInterruptedUpload(String prefix) {
        List<String> leftovers = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(prefix)).contents()
                .forEach(object -> leftovers.add(object.key()));
        deleteKeys(leftovers);
        s3.listMultipartUploadsPaginator(r -> r.bucket(location.bucket()).prefix(prefix)).uploads()
                .forEach(upload -> s3.abortMultipartUpload(r -> r.bucket(location.bucket()).key(upload.key())
                        .uploadId(upload.uploadId())));
    }

    private void deleteKeys(List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            s3.deleteObjects(r -> r.bucket(location.bucket()).delete(d -> d.objects(batch).quiet(true)));
        }
    }

    @Override
    public void replaceLatest(byte[] json) {
        PutObjectRequest.Builder request = objects.putRequest(location.key(RunLayout.LATEST), RunLayout.LATEST,
                Sha256.hex(json)).cacheControl("no-cache");
        s3.putObject(request.build(), RequestBody.fromBytes(json));
    }

    @Override
    public Optional<byte[]> readLatest() {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(location.bucket())
                    .key(location.key(RunLayout.LATEST))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void replacePointer(String name, byte[] json) {
        String key = location.key(RunLayout.checkPointer(name));
        s3.putObject(objects.putRequest(key, name, Sha256.hex(json)).cacheControl("no-cache").build(),
                RequestBody.fromBytes(json));
    }

    @Override
    public Optional<byte[]> readPointer(String name) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(location.bucket())
                    .key(location.key(RunLayout.checkPointer(name)))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public String address(String relative) {
        return "s3://" + location.bucket() + "/" + location.key(relative);
    }

    private final class S3Upload implements RunUpload {
        private final String prefix;
        private final List<String> written = new ArrayList<>();

        S3Upload(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void put(String name, Path file, String sha256Hex) {
            String key = prefix + RunLayout.checkRelative(name);
            long size = size(file);
            written.add(key);
            if (size > options.multipartThreshold()) {
                objects.putMultipart(key, name, file, size);
            } else {
                s3.putObject(objects.putRequest(key, name, sha256Hex).ifNoneMatch("*").build(),
                        RequestBody.fromFile(file));
            }
        }

        @Override
        public void put(String name, byte[] content) {
            String key = prefix + RunLayout.checkRelative(name);
            written.add(key);
            s3.putObject(objects.putRequest(key, name, Sha256.hex(content)).ifNoneMatch("*").build(),
                    RequestBody.fromBytes(content));
        }

        @Override
        public void commit() {
            // Nothing to move: the manifest was the last object put.
        }

        @Override
        public void abort() {
            deleteKeys(written);
            written.clear();
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
