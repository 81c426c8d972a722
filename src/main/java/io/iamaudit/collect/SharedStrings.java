package io.iamaudit.collect;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short string AWS repeats across principals and accounts: service namespaces and names, action
 * names, regions. Last-accessed details carry them for every service of every principal, each response with its own
 * copies: at 200 accounts, mid-collection, 390,090 tracked actions and 107,072 services held about a million strings,
 * some 60 of the 165 MiB of live data (class histogram, 2026-12-07). The vocabulary is AWS's and small (a few thousand
 * actions of the tracked services, a few hundred services, some thirty regions), so it is kept for the JVM's life;
 * past {@link #LIMIT} entries a string is kept as given, so an unexpected vocabulary cannot grow the heap.
 */
final class SharedStrings {
    static final int LIMIT = 50_000;

    private final ConcurrentHashMap<String, String> canonical = new ConcurrentHashMap<>();

    /** The shared copy of {@code s} ({@code null} stays {@code null}). */
    String of(String s) {
        if (s == null) {
            return null;
        }
        String shared = canonical.get(s);
        if (shared != null) {
            return shared;
        }
        if (canonical.size() >= LIMIT) {
            return s;
        }
        String earlier = canonical.putIfAbsent(s, s);
        return earlier != null ? earlier : s;
    }

    int size() {
        return canonical.size();
    }
}
