package io.iamaudit.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a run is published: {@code s3://bucket/prefix}, {@code file:DIR} ({@code file:///abs} too) or a plain path.
 * An invalid value is an {@link IllegalArgumentException} whose one-line message names the value.
 */
public sealed interface OutputLocation permits OutputLocation.S3, OutputLocation.Folder {

    /** @param prefix without leading or trailing slash; empty for the bucket root */
    record S3(String bucket, String prefix) implements OutputLocation {
        /** The key of {@code relative} under the prefix. */
        public String key(String relative) {
            return prefix.isEmpty() ? relative : prefix + "/" + relative;
        }

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    record Folder(Path directory) implements OutputLocation {
        @Override
        public String toString() {
            return directory.toString();
        }
    }

    /** S3 bucket naming rules (general purpose buckets): 3-63 of a-z 0-9 . -, starting and ending alphanumeric. */
    Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):.*", Pattern.DOTALL);

    static OutputLocation parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid(value, "it is empty");
        }
        String text = value.strip();
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw invalid(value, "it contains control characters");
        }
        var scheme = SCHEME.matcher(text);
        if (!scheme.matches()) {
            return folder(value, text);
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "s3" -> s3(value, text);
            case "file" -> folder(value, text.startsWith("file://") ? fileUri(value, text) : text.substring(5));
            default -> throw invalid(value, "unsupported scheme '" + scheme.group(1)
                    + "' (use s3://bucket/prefix, file:DIR or a path)");
        };
    }

    private static S3 s3(String value, String text) {
        if (!text.regionMatches(true, 0, "s3://", 0, 5)) {
            throw invalid(value, "expected s3://bucket/prefix");
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw invalid(value, "'" + bucket + "' is not a valid S3 bucket name");
        }
        if (prefix.contains("?") || prefix.contains("#")) {
            throw invalid(value, "the prefix must not carry a query or fragment");
        }
        if (!prefix.isEmpty() && Arrays.stream(prefix.split("/", -1))
                .anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw invalid(value, "the prefix has an empty, '.' or '..' segment");
        }
        return new S3(bucket, prefix);
    }

    private static String fileUri(String value, String text) {
        try {
            return Path.of(new URI(text)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid(value, "not a valid file URI (" + e.getMessage() + ")");
        }
    }

    private static Folder folder(String value, String path) {
        if (path.isBlank()) {
            throw invalid(value, "the folder is empty");
        }
        try {
            return new Folder(Path.of(path));
        } catch (InvalidPathException e) {
            throw invalid(value, "not a valid path (" + e.getReason() + ")");
        }
    }

    private static IllegalArgumentException invalid(String value, String why) {
        String shown = value == null ? "null" : value.replaceAll("\\p{Cntrl}", "?");
        return new IllegalArgumentException("invalid output location '" + shown + "': " + why);
    }
}
