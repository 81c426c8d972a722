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
