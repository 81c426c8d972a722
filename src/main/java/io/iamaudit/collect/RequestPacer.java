package io.iamaudit.collect;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps every client that shares one AWS quota under it, so the quota is never hit rather than hit and retried.
 * Organizations has one bucket per organization, and the organization's Access Analyzer findings all live in the
 * delegated administrator: every partition's calls there land in one bucket, and retries after throttling waste
 * the same bucket and add seconds of backoff. A throttled call costs more than a paced one.
 *
 * <p>A token bucket ({@code burst} calls at once, then {@code callsPerSecond}); each HTTP attempt (retries included)
 * reserves the next free slot under a lock and sleeps outside it, so waiting callers go in the order they came.
 */
public final class RequestPacer implements ExecutionInterceptor {

    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextFree;

    /** Sleeps for a number of nanoseconds (tests pass a fake clock's advance). */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public RequestPacer(double callsPerSecond, int burst) {
        this(callsPerSecond, burst, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    RequestPacer(double callsPerSecond, int burst, LongSupplier clock, Sleeper sleeper) {
        if (!(callsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a pacer needs calls per second > 0 and a burst >= 1, was "
                    + callsPerSecond + " and " + burst);
        }
        this.intervalNanos = Math.max(1, Math.round(1e9 / callsPerSecond));
        this.burstNanos = (burst - 1) * intervalNanos;
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextFree = clock.getAsLong() - burstNanos;
    }

    /** Waits for the next slot; returns the nanoseconds waited. */
    public long acquire() {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            // an idle bucket refills up to its burst, never beyond
            nextFree = Math.max(nextFree, now - burstNanos);
            wait = Math.max(0, nextFree - now);
            nextFree += intervalNanos;
        }
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing calls to a shared quota", e);
            }
        }
        return wait;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        acquire();
    }
}
