package io.iamaudit.job;

import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.S3PublishOptions;
import io.iamaudit.publish.S3WriteCheck;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Before any collection: the run's output can take its reports. A restart checks the output the run was started
 * with, which the command line may not name.
 */
@Component
class OutputPreflight {

    private final AuditProperties properties;

    OutputPreflight(AuditProperties properties) {
        this.properties = properties;
    }

    void check() {
        OutputLocation location;
        try {
            location = OutputLocation.parse(properties.output());
        } catch (IllegalArgumentException e) {
            throw new RunRequestException("--output: " + e.getMessage().lines().findFirst().orElse("invalid"));
        }
        if (location instanceof OutputLocation.Folder folder) {
            requireWritable(folder.directory());
        } else if (location instanceof OutputLocation.S3 bucket) {
            try (LazyS3Client s3 = new LazyS3Client(properties)) {
                S3WriteCheck.check(s3.get(), bucket, publishOptions(properties), properties.aws().region());
            } catch (S3WriteCheck.OutputNotWritableException e) {
                throw new RunRequestException("--output " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // S3Clients refuses a plain-http endpoint that is not loopback
                throw new RunRequestException("--output " + bucket + ": " + e.getMessage());
            }
        }
    }

    /** How the publish step writes to S3: SSE-KMS with the configured key, else SSE-S3. */
    static S3PublishOptions publishOptions(AuditProperties properties) {
        return properties.kmsKeyId() == null || properties.kmsKeyId().isBlank()
                ? S3PublishOptions.defaults() : S3PublishOptions.defaults().withKms(properties.kmsKeyId());
    }

    private void requireWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".iam-audit-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new RunRequestException("--output: folder '" + directory + "' is not writable");
        }
    }
}
