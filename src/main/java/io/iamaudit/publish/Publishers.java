package io.iamaudit.publish;

import software.amazon.awssdk.services.s3.S3Client;

import java.util.function.Supplier;

/** Picks the publisher for an output location, so callers (the job, the CLI) need not switch on its kind. */
public final class Publishers {
    private Publishers() {
    }

    /**
     * @param s3 called only for an S3 location; build it with {@link S3Clients#create}
     */
    public static Publisher forLocation(OutputLocation location, Supplier<S3Client> s3, S3PublishOptions options) {
        if (location instanceof OutputLocation.Folder folder) {
            return new FolderPublisher(folder.directory());
        }
        return new S3Publisher(s3.get(), (OutputLocation.S3) location, options);
    }
}
