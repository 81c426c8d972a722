package io.iamaudit.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.iamaudit.report.ReportFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * One published file in the manifest.
 *
 * @param path   relative to the run folder
 * @param sha256 lower-case hex of the file's bytes
 * @param sheets workbook only: data rows per sheet
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ManifestFile(String path, long rows, long bytes, String sha256, Map<String, Long> sheets) {

    /**
     * Describes written report files, in their order, reading several at once: a large organization's run has some
     * 190,000 proposal files and gigabytes to checksum, which one thread reads at a fraction of the disk's speed.
     */
    public static java.util.List<ManifestFile> describeAll(java.util.List<ReportFile> files) {
        if (files.size() < 2) {
            return files.stream().map(ManifestFile::describe).toList();
        }
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(DESCRIBING_THREADS);
        try {
            return pool.submit(() -> files.parallelStream().map(ManifestFile::describe).toList()).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Checksumming is CPU (SHA-256) and file reads: a few threads beyond the cores keep both busy. */
    private static final int DESCRIBING_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors()) * 2;

    /** Describes a written report file: size and checksum are read from the local file before any upload. */
    public static ManifestFile describe(ReportFile file) {
        try {
            return new ManifestFile(file.name(), file.rows(), Files.size(file.path()), Sha256.hex(file.path()),
                    file.sheets());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }
}
