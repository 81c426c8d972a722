package io.iamaudit.policy;

/**
 * IAM's access level of an action, as the Service Authorization Reference classifies it. Actions the reference
 * lists as both "Permissions management" and "Write" (or "Tagging" and "Write") are the former: that is how IAM's
 * documentation and Cloudsplaining's risk classes name them.
 */
public enum AccessLevel {
    LIST("List"), READ("Read"), WRITE("Write"), PERMISSIONS_MANAGEMENT("Permissions management"), TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** IAM's own spelling ("Permissions management"). */
    public String label() {
        return label;
    }

    /** The one-letter code of the generated resource (L, R, W, P, T). */
    static AccessLevel ofCode(String code) {
        return switch (code) {
            case "L" -> LIST;
            case "R" -> READ;
            case "W" -> WRITE;
            case "P" -> PERMISSIONS_MANAGEMENT;
            case "T" -> TAGGING;
            default -> throw new IllegalArgumentException("unknown access level code " + code);
        };
    }
}
