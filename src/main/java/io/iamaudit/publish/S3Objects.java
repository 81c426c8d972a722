package io.iamaudit.publish;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The S3 requests of the publisher: encrypted, checksummed single puts and multipart uploads. */
final class S3Objects {
    private final S3Client s3;
    private final String bucket;
    private final S3PublishOptions options;

    S3Objects(S3Client s3, String bucket, S3PublishOptions options) {
        this.s3 = s3;
        this.bucket = bucket;
        this.options = options;
    }

    /**
     * A put carrying our own SHA-256 (computed for the manifest), so S3 rejects the object if its bytes differ and
     * stores the checksum for readers to verify. The algorithm is named as well as the value: S3 and moto key the
     * stored checksum off {@code x-amz-sdk-checksum-algorithm}, and the SDK does not recompute a given value.
     */
    PutObjectRequest.Builder putRequest(String key, String name, String sha256Hex) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType(contentType(name)).checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .checksumSHA256(Sha256.base64OfHex(sha256Hex));
        if (options.encryption() == S3PublishOptions.Encryption.SSE_KMS) {
            request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(options.kmsKeyId());
        } else {
            request.serverSideEncryption(ServerSideEncryption.AES256);
        }
        return request;
    }

    /** Uploads in parts of {@code partSize}, each with a SHA-256 checksum; aborts the upload on any failure. */
    void putMultipart(String key, String name, Path file, long size) {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(bucket).key(key)
                .contentType(contentType(name)).checksumAlgorithm(ChecksumAlgorithm.SHA256);
        if (options.encryption() == S3PublishOptions.Encryption.SSE_KMS) {
            create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(options.kmsKeyId());
        } else {
            create.serverSideEncryption(ServerSideEncryption.AES256);
        }
        String uploadId = s3.createMultipartUpload(create.build()).uploadId();
        try (InputStream in = Files.newInputStream(file)) {
            List<CompletedPart> parts = new ArrayList<>();
            int partNumber = 1;
            for (long offset = 0; offset < size; offset += options.partSize(), partNumber++) {
                byte[] part = in.readNBytes((int) Math.min(options.partSize(), size - offset));
                int number = partNumber;
                UploadPartResponse uploaded = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(part));
                parts.add(CompletedPart.builder().partNumber(number).eTag(uploaded.eTag())
                        .checksumSHA256(uploaded.checksumSHA256()).build());
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file, io);
            }
            throw (RuntimeException) e;
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
