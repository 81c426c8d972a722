package io.iamaudit.collect;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts every HTTP attempt (retries included) by {@code service:Operation}, and the attempts AWS throttled
 * separately. One counter per account session, shared by that account's clients; safe for concurrent use.
 * <p>
 * Throttling is recognised per attempt, not from the final exception, because the retry strategy hides the throttled
 * attempts that eventually succeeded. Error bodies are small, so they are buffered and re-offered to the SDK.
 */
public final class CallCounter implements ExecutionInterceptor {

    private static final Pattern THROTTLING_CODE = Pattern.compile(
            "Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|ThrottledException"
                    + "|RequestThrottled|RequestThrottledException|SlowDown|Rate exceeded");

    private static final Map<String, String> ACTION_PREFIXES = Map.of("accessanalyzer", "access-analyzer");

    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        increment(attempts, key(attributes));
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        if (status < 400) {
            return context.responseBody();
        }
        if (status == 429 || context.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
                .filter(t -> THROTTLING_CODE.matcher(t).find()).isPresent()) {
            increment(throttled, key(attributes));
            return context.responseBody();
        }
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty()) {
            return body;
        }
        byte[] bytes = readAll(body.get());
        if (THROTTLING_CODE.matcher(new String(bytes, StandardCharsets.UTF_8)).find()) {
            increment(throttled, key(attributes));
        }
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    /** Attempts per {@code service:Operation}, sorted by key. */
    public Map<String, Long> counts() {
        return snapshot(attempts);
    }

    /** Throttled attempts per {@code service:Operation} (each is also in {@link #counts()}). */
    public Map<String, Long> throttledCounts() {
        return snapshot(throttled);
    }

    public long total() {
        return attempts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long totalThrottled() {
        return throttled.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** {@code service:Operation} with the service as its IAM action prefix ({@code access-analyzer}, not the SDK's id). */
    static String key(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String prefix = service == null ? "unknown" : service.toLowerCase(java.util.Locale.ROOT);
        return ACTION_PREFIXES.getOrDefault(prefix, prefix) + ":" + operation;
    }

    private static void increment(Map<String, LongAdder> map, String key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
        Map<String, Long> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an AWS error response", e);
        }
    }
}
