package io.iamaudit.policy;

import java.util.Locale;

/**
 * An action as written in a policy ({@code s3:GetObject}, {@code s3:Get*}, {@code *}). IAM matches actions
 * case-insensitively, with {@code *} for any run of characters and {@code ?} for one.
 */
public record ActionPattern(String text) {

    /** {@code *}: every action. */
    public static final ActionPattern ALL = new ActionPattern("*");

    public ActionPattern {
        text = text.trim();
    }

    public boolean matches(String action) {
        if ("*".equals(text)) {
            return true;
        }
        if (!hasWildcard()) {
            return text.equalsIgnoreCase(action);
        }
        return Glob.matches(text, action);
    }

    public boolean hasWildcard() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** The service prefix ({@code s3} of {@code s3:Get*}); {@code *} for the bare wildcard. */
    public String service() {
        int colon = text.indexOf(':');
        return colon < 0 ? "*" : text.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** True for {@code *} and {@code service:*}: the whole of a service (or of AWS). */
    public boolean wholeService() {
        return "*".equals(text) || text.endsWith(":*");
    }

    /**
     * Whether every action this pattern could ever match (known to the catalog or not) is matched by {@code other}.
     * Decided exactly for literals and trailing-{@code *} prefixes; anything else answers {@code false}, which is
     * the safe answer for a rewriter that must never widen a policy.
     */
    public boolean within(ActionPattern other) {
        if ("*".equals(other.text)) {
            return true;
        }
        if (!hasWildcard()) {
            return other.matches(text);
        }
        String mine = text.toLowerCase(Locale.ROOT);
        String theirs = other.text.toLowerCase(Locale.ROOT);
        if (mine.indexOf('?') >= 0 || mine.indexOf('*') != mine.length() - 1) {
            return mine.equals(theirs);
        }
        if (theirs.indexOf('?') >= 0 || theirs.indexOf('*') != theirs.length() - 1) {
            return false;
        }
        return mine.startsWith(theirs.substring(0, theirs.length() - 1));
    }
}
