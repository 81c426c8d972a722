package io.iamaudit.sandbox.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the scenario records. */
final class OrderedMaps {

    private OrderedMaps() {
    }

    /** An unmodifiable copy that keeps the file's order (Map.copyOf would shuffle it). */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
