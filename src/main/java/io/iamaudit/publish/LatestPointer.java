package io.iamaudit.publish;

import java.time.Instant;

/**
 * {@code latest.json} at the output root: the newest complete run. Replaced only after the run's manifest is in place.
 *
 * @param runPath  the run folder relative to the output root, e.g. {@code runs/2026/11/28/<run-id>/}
 * @param manifest the manifest relative to the output root
 */
public record LatestPointer(String runId, String runPath, String manifest, Instant publishedAt) {
}
