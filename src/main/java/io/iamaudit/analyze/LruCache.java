package io.iamaudit.analyze;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small synchronized least-recently-used cache: the same policy documents recur across principals of an account
 * (and managed policies across accounts), so parsing and expanding them once saves most of the analysis time while
 * memory stays bounded over a whole organization.
 */
public final class LruCache<K, V> {
    private final Map<K, V> map;

    public LruCache(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key, Function<K, V> compute) {
        V v = map.get(key);
        if (v == null) {
            v = compute.apply(key);
            map.put(key, v);
        }
        return v;
    }
}
