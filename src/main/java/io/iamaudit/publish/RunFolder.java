package io.iamaudit.publish;

import java.time.LocalDate;

/**
 * One run folder in the store, {@code runs/<yyyy>/<mm>/<dd>/<run-id>/}.
 *
 * @param path        relative to the store root, with a trailing slash
 * @param day         the folder's date: the run's start day in UTC
 * @param hasManifest whether {@code manifest.json} is there, i.e. whether the run was published completely
 */
public record RunFolder(String path, LocalDate day, String runId, boolean hasManifest) {

    /** The path of a file of this run relative to the store root. */
    public String file(String name) {
        return path + name;
    }
}
