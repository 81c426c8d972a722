package io.iamaudit.report;

import java.util.Locale;

/**
 * One vocabulary for principal and resource types across the sheets: rules say {@code Role}, Access Analyzer findings
 * {@code AWS::IAM::Role} (staged as {@code IAM.Role}), so a filter on "Role" missed the analyzer's rows. IAM types
 * lose their {@code IAM.} prefix; compound names are split into words ({@code RootUser} reads "Root user",
 * {@code S3.Bucket} "S3 bucket").
 */
public final class PrincipalTypes {
    private PrincipalTypes() {
    }

    public static String label(String type) {
        if (type == null || type.isBlank()) {
            return type;
        }
        String t = type.strip();
        if (t.startsWith("AWS::")) {
            t = t.substring(5).replace("::", ".");
        }
        if (t.startsWith("IAM.")) {
            t = t.substring(4);
        }
        StringBuilder out = new StringBuilder();
        for (String part : t.split("\\.")) {
            String words = part.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
            if (out.isEmpty()) {
                out.append(words);
            } else {
                out.append(' ').append(words.toLowerCase(Locale.ROOT));
            }
        }
        String label = out.toString();
        // only the first word keeps its capital: "Root user", "Server certificate"
        int space = label.indexOf(' ');
        return space < 0 ? label : label.substring(0, space) + label.substring(space).toLowerCase(Locale.ROOT);
    }
}
