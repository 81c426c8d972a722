package io.iamaudit.report;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How lists and maps read inside one cell. */
final class Texts {
    private Texts() {
    }

    static String list(Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join("; ", values);
    }

    static String lines(Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }

    /** {@code k=v; k2=v2}, sorted by key so reruns compare equal. */
    static String map(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }
}
