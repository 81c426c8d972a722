package io.iamaudit.sandbox;

/**
 * A token bucket, as IAM and STS throttle: a burst of {@code capacity} calls, then {@code refillPerSecond} calls
 * per second. Time is passed in so that tests need not sleep.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    public TokenBucket(double capacity, double refillPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token if there is one; false means the call is throttled. */
    public synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * refillPerNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
