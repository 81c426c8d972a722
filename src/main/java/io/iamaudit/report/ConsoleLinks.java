package io.iamaudit.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to an identity in the IAM console. The console opens the page in whichever account the reader is signed in
 * to, so the account id sits next to the link in every sheet.
 */
public final class ConsoleLinks {
    private static final String IAM_HOME = "https://console.aws.amazon.com/iam/home";

    private ConsoleLinks() {
    }

    /**
     * A {@code HYPERLINK} formula for a console URL, or {@code null} when the URL is not one this class built (only
     * the tool's own console links become formulas, never text from the data). The label is already safe text; its
     * quotes are doubled so it stays a string literal, and both arguments respect Excel's 255-character limit.
     */
    public static String hyperlinkFormula(String url, String label) {
        if (url == null || !url.startsWith(IAM_HOME) || url.length() > 255 || url.indexOf('"') >= 0
                || label == null) {
            return null;
        }
        String shown = label.length() > 255 ? label.substring(0, 254) + "\u2026" : label;
        return "HYPERLINK(\"" + url + "\",\"" + shown.replace("\"", "\"\"") + "\")";
    }

    /** A link labelled with the principal's name; {@code null} name gives a {@code null} cell. */
    public static Link principal(String principalType, String name, String arn) {
        if (name == null) {
            return null;
        }
        String type = principalType == null ? "" : principalType.toLowerCase(java.util.Locale.ROOT);
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
        if (type.contains("user") && !name.equals("<root_account>")) {
            return new Link(name, IAM_HOME + "#/users/details/" + encoded);
        }
        if (type.contains("role")) {
            return new Link(name, IAM_HOME + "#/roles/details/" + encoded);
        }
        if (type.contains("group")) {
            return new Link(name, IAM_HOME + "#/groups/details/" + encoded);
        }
        return new Link(name, IAM_HOME + "#/home");
    }
}
