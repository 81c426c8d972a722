package io.iamaudit.publish;

import java.util.Optional;

/**
 * One object of the output store that several runs update (the findings ledger): read with a version tag, replaced
 * only if nobody replaced it since (compare-and-swap), so concurrent writers re-read and merge instead of losing
 * each other's updates. S3 does it with conditional writes (If-Match on the ETag, If-None-Match: * to create); a
 * folder with a lock file around a compare and an atomic rename.
 */
public interface VersionedObject {

    /** The content and the tag that {@link #replace} compares against. */
    record Version(byte[] content, String tag) {
    }

    /**
     * The current content, or empty if the object does not exist. Any other failure (access denied, no bucket, no
     * credentials, an I/O error) is a {@link StoreReadException}: never "absent".
     */
    Optional<Version> read();

    /**
     * Replaces the object if it is still at {@code expectedTag} ({@code null}: only if it still does not exist).
     *
     * @return false when another writer got there first (read again, merge, retry)
     */
    boolean replace(byte[] content, String expectedTag);

    String address();
}
