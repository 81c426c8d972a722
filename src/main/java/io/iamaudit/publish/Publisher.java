package io.iamaudit.publish;

import java.nio.file.Path;

/**
 * A place runs are published to (a folder, an S3 bucket). {@link RunPublisher} drives it in the safe order; an
 * implementation only has to make each step durable and refuse to overwrite a run.
 */
public interface Publisher {

    /** Starts a run's upload; refuses (IllegalStateException) when the run folder already holds anything. */
    RunUpload startRun(String runPath);

    /** Atomically replaces {@code latest.json} at the output root. */
    void replaceLatest(byte[] json);

    /** The current {@code latest.json}, or empty when none was published yet. */
    java.util.Optional<byte[]> readLatest();

    /**
     * Atomically replaces a pointer file at the output root other than {@code latest.json}: an account-audit's
     * {@code latest-account-<id>.json}.
     */
    void replacePointer(String name, byte[] json);

    /** A pointer file at the output root, or empty when there is none. */
    java.util.Optional<byte[]> readPointer(String name);

    /** A human-readable address of {@code relative} under the output root. */
    String address(String relative);

    /** The files of one run being published. */
    interface RunUpload {
        /** @param name relative to the run folder, forward slashes */
        void put(String name, Path file, String sha256Hex);

        void put(String name, byte[] content);

        /** Makes the run visible as complete (the manifest has been put last). */
        void commit();

        /** Best effort: removes what this upload wrote, so a retry can publish the run again. */
        void abort();
    }
}
