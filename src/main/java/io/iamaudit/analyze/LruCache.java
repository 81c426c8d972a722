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

    /**
     * The cached value, computing it outside the lock when absent: accounts analysed in parallel never wait for each
     * other's expansions (two threads may compute the same value once each; both results are equal).
     */
    public V get(K key, Function<K, V> compute) {
        synchronized (map) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        V computed = compute.apply(key);
        synchronized (map) {
            map.put(key, computed);
        }
        return computed;
    }
}
