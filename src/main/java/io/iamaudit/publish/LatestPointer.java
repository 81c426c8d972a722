package io.iamaudit.publish;

import java.time.Instant;

/**
 * {@code latest.json} at the output root: the newest complete run. Replaced only after the run's manifest is in place,
 * and never by a run that started before the one it points at (a restarted old run must not hide a newer one).
 *
 * @param runPath   the run folder relative to the output root, e.g. {@code runs/2026/11/28/<run-id>/}
 * @param manifest  the manifest relative to the output root
 * @param startedAt when the run started: what "newest" means
 */
public record LatestPointer(String runId, String runPath, String manifest, Instant startedAt, Instant publishedAt) {

    /** Whether a run that started at {@code candidate} may replace this pointer. */
    public boolean supersededBy(Instant candidate) {
        return startedAt == null || !candidate.isBefore(startedAt);
    }
}
