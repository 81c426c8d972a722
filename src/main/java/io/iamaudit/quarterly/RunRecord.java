package io.iamaudit.quarterly;

import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.RunFolder;
import io.iamaudit.stage.Severity;

import java.util.Map;

/**
 * One run the quarter considered, for the Runs sheet and the weekly trend.
 *
 * @param manifest       {@code null} when the run has none (incomplete) or it could not be read
 * @param reason         why the run was skipped; {@code null} when used
 * @param openBySeverity FAIL rows of the run by severity (used runs only)
 * @param openByPractice FAIL rows of the run by Well-Architected best practice (a row may count for several)
 */
public record RunRecord(RunFolder folder, Manifest manifest, String reason, long findingRows, int accountsAudited,
                        int accountsFailed, Map<Severity, Long> openBySeverity, Map<String, Long> openByPractice) {
    public RunRecord {
        openBySeverity = Map.copyOf(openBySeverity);
        openByPractice = Map.copyOf(openByPractice);
    }

    static RunRecord skipped(RunFolder folder, Manifest manifest, String reason) {
        return new RunRecord(folder, manifest, reason, 0, 0, 0, Map.of(), Map.of());
    }

    public boolean used() {
        return reason == null;
    }

    public long openTotal() {
        return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
