package io.iamaudit.export;

import io.iamaudit.stage.Severity;

/**
 * Our severities in the two formats. Both have the same five levels, so the mapping is one to one: OCSF
 * {@code severity_id} 1 Informational .. 5 Critical (6 Fatal is not used: no IAM finding stops a system), ASFF
 * {@code Severity.Label} INFORMATIONAL .. CRITICAL with {@code Original} our own word. A finding without a severity
 * (none is expected) reads Unknown (0) in OCSF and INFORMATIONAL in ASFF, which has no unknown label.
 */
public final class SeverityMapping {
    private SeverityMapping() {
    }

    public static int ocsfId(Severity severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity) {
            case INFORMATIONAL -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    /** The caption OCSF gives {@link #ocsfId}. */
    public static String ocsfCaption(Severity severity) {
        return switch (ocsfId(severity)) {
            case 1 -> "Informational";
            case 2 -> "Low";
            case 3 -> "Medium";
            case 4 -> "High";
            case 5 -> "Critical";
            default -> "Unknown";
        };
    }

    /** ASFF {@code Severity.Label}: the same word as ours. */
    public static String asffLabel(Severity severity) {
        return severity == null ? "INFORMATIONAL" : severity.name();
    }
}
