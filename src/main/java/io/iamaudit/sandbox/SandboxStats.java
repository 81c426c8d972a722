package io.iamaudit.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sandbox was asked and what it refused: calls per {@code service:Operation} (for example
 * {@code iam:GetAccountAuthorizationDetails}), throttles and injected errors sent.
 */
public final class SandboxStats {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttles = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> quotaThrottles = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void call(String key) {
        calls.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** @param quota whether a token bucket ran dry (else the profile's random throttling chose this call) */
    void throttle(String key, boolean quota) {
        throttles.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (quota) {
            quotaThrottles.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
    }

    void error(String key) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Calls received for {@code service:Operation}, throttled ones included. */
    public long calls(String key) {
        LongAdder a = calls.get(key);
        return a == null ? 0 : a.sum();
    }

    /** Throttling errors sent for {@code service:Operation}. */
    public long throttles(String key) {
        LongAdder a = throttles.get(key);
        return a == null ? 0 : a.sum();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long totalThrottles() {
        return throttles.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Throttles sent because a quota's token bucket was empty: the part of throttling a client's pace decides. */
    public long totalQuotaThrottles() {
        return quotaThrottles.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Injected 5xx errors sent. */
    public long totalErrors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls per {@code service:Operation}, sorted. */
    public Map<String, Long> callsSnapshot() {
        return snapshot(calls);
    }

    public Map<String, Long> throttlesSnapshot() {
        return snapshot(throttles);
    }

    public Map<String, Long> quotaThrottlesSnapshot() {
        return snapshot(quotaThrottles);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "calls=" + callsSnapshot() + " throttles=" + throttlesSnapshot() + " errors=" + totalErrors();
    }
}
