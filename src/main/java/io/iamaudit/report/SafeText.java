package io.iamaudit.report;

import java.util.regex.Pattern;

/**
 * Makes text safe to put in a spreadsheet cell or a csv field, in both formats alike:
 * <ul>
 *   <li>formula injection: text starting with {@code = + - @}, tab or carriage return gets a leading single quote,
 *       as OWASP recommends for CSV injection, so no spreadsheet evaluates it;</li>
 *   <li>access key ids anywhere in the text are shown only by their last four characters ({@code …ABCD});</li>
 *   <li>anything that looks like a secret key or session token assignment is redacted.</li>
 * </ul>
 */
public final class SafeText {

    /** Long-term (AKIA) and temporary (ASIA) access key ids, and the other 4-letter IAM id prefixes for keys. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\\b");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b(aws_?secret_?access_?key|secret_?access_?key|secret_?key|aws_?session_?token|session_?token"
                    + "|security_?token|x-amz-security-token)(\\s*[=:]\\s*)\"?[^\\s\",;]+\"?");
    private static final String TRIGGERS = "=+-@\t\r";

    private SafeText() {
    }

    /** Cleans free text for a cell: redacts secrets, masks key ids, then neutralises formulas. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return neutralise(maskKeyIdsIn(redactSecrets(text)));
    }

    /** Prefixes a single quote when the text would start a formula in a spreadsheet. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** An access key id as the reports show it: {@code …} and its last four characters. */
    public static String maskAccessKeyId(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return null;
        }
        String id = keyId.strip();
        return "\u2026" + (id.length() <= 4 ? id : id.substring(id.length() - 4));
    }

    // The regexes run only when a cheap scan finds a hint: nearly every cell has none, and the regexes dominated
    // the writer's CPU profile on 100k rows.
    static String maskKeyIdsIn(String text) {
        if (!mayHoldKeyId(text)) {
            return text;
        }
        return ACCESS_KEY_ID.matcher(text).replaceAll(m -> maskAccessKeyId(m.group()));
    }

    static String redactSecrets(String text) {
        if (!mayHoldSecret(text)) {
            return text;
        }
        return SECRET_ASSIGNMENT.matcher(text).replaceAll("$1$2<redacted>");
    }

    private static boolean mayHoldKeyId(String text) {
        for (int i = text.indexOf('A'); i >= 0 && i + 4 <= text.length(); i = text.indexOf('A', i + 1)) {
            if (text.startsWith("AKIA", i) || text.startsWith("ASIA", i) || text.startsWith("ABIA", i)
                    || text.startsWith("ACCA", i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A necessary condition for {@link #SECRET_ASSIGNMENT}: every name it redacts ends in "key" or "token" and is
     * followed by optional whitespace and {@code =} or {@code :}. Looking back from each {@code =} and {@code :}
     * (found with the intrinsic {@code indexOf}) is cheap; scanning for "secret" or "token" anywhere was not: IAM
     * action names ({@code sts:GetSessionToken}, {@code secretsmanager:*}) and policy JSON hold them in many cells,
     * and each hit ran the regex over the whole cell (a quarter of the workbook writer's CPU, 2026-11-29 profile).
     */
    static boolean mayHoldSecret(String text) {
        return assignedNameEndsLikeSecret(text, '=') || assignedNameEndsLikeSecret(text, ':');
    }

    private static boolean assignedNameEndsLikeSecret(String text, char operator) {
        for (int i = text.indexOf(operator); i >= 0; i = text.indexOf(operator, i + 1)) {
            int end = i;
            while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
                end--;
            }
            if (end >= 3 && text.regionMatches(true, end - 3, "key", 0, 3)
                    || end >= 5 && text.regionMatches(true, end - 5, "token", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} of {@link java.util.regex.Pattern} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
