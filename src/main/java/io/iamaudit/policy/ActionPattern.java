package io.iamaudit.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An action as written in a policy ({@code s3:GetObject}, {@code s3:Get*}, {@code *}). IAM matches actions
 * case-insensitively, with {@code *} for any run of characters and {@code ?} for one.
 */
public record ActionPattern(String text) {

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
        return regex().matcher(action).matches();
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

    private Pattern regex() {
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
}
