package io.iamaudit.sandbox.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OU tree flattened to slash-separated name paths ({@code Workloads/Prod}), so that an account's {@code ou}
 * may name its OU either by full path or, when unambiguous, by name alone.
 */
public final class OuPaths {

    /** One OU with its name path and its parent's name path (empty string for the root). */
    public record Entry(OuSpec ou, String path, String parentPath) {
    }

    private final Map<String, Entry> byPath = new LinkedHashMap<>();

    public OuPaths(List<OuSpec> roots) {
        walk(roots, "");
    }

    private void walk(List<OuSpec> ous, String parent) {
        for (OuSpec ou : ous) {
            String path = parent.isEmpty() ? ou.name() : parent + "/" + ou.name();
            if (byPath.put(path, new Entry(ou, path, parent)) != null) {
                throw new IllegalArgumentException("duplicate organizational unit '" + path + "'");
            }
            walk(ou.children(), path);
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(byPath.values());
    }

    /**
     * The OU an account refers to.
     *
     * @throws IllegalArgumentException when the reference matches no OU or more than one
     */
    public Entry resolve(String ref) {
        Entry exact = byPath.get(ref);
        if (exact != null) {
            return exact;
        }
        List<Entry> byName = byPath.values().stream().filter(e -> e.ou().name().equals(ref)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        throw new IllegalArgumentException(byName.isEmpty() ? "unknown organizational unit '" + ref + "'"
                : "organizational unit name '" + ref + "' is ambiguous, use its path");
    }
}
