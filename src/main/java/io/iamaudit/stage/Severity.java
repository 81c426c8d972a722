package io.iamaudit.stage;

/** Finding severity, most severe first (the ordinal orders report rows). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL
}
