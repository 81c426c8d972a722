package io.iamaudit.publish;

import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Read access to an output store (a folder or an S3 prefix) as the publishers laid it out. The publish side only
 * writes; this is the small read API the quarterly report needs.
 */
public interface RunStore {

    /** Run folders dated {@code from} to {@code to} (inclusive), in date then run-id order. */
    List<RunFolder> runs(LocalDate from, LocalDate to);

    /** Every run folder of the store, in date then run-id order (rebuilding the findings ledger reads them all). */
    List<RunFolder> allRuns();

    /** Opens a file; {@code relative} is a path under the store root. */
    InputStream open(String relative);

    /**
     * A local file with the content of {@code relative}: the file itself for a folder store, a download into
     * {@code scratch} for S3, so a file is fetched once and then hashed and parsed from disk.
     */
    Path fetch(String relative, Path scratch);

    /** Whether anything exists under {@code prefix} (a folder path ending in a slash). */
    boolean exists(String prefix);

    /** A human-readable address of {@code relative}. */
    String address(String relative);

    /** The store at {@code location}; {@code s3} is needed (and used) only for an S3 location. */
    static RunStore at(OutputLocation location, S3Client s3) {
        if (location instanceof OutputLocation.S3 bucket) {
            if (s3 == null) {
                throw new IllegalArgumentException("an S3 client is needed to read " + location);
            }
            return new S3RunStore(s3, bucket);
        }
        return new FolderRunStore(((OutputLocation.Folder) location).directory());
    }
}
