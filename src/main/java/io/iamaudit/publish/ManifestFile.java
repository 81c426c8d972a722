package io.iamaudit.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

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
}
