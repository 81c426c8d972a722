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
