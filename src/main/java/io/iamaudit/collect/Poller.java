package io.iamaudit.collect;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Polls until an AWS job is done, sleeping with bounded exponential backoff, within an overall time budget. IAM has
 * no waiters for credential reports or last-accessed jobs; this is the one place that waits for them.
 */
public final class Poller {

    /** How to wait; tests pass one that records the delays instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final Duration budget;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;

    public Poller(Duration initialDelay, Duration maxDelay, double multiplier, Duration budget, Sleeper sleeper,
                  LongSupplier nanoClock) {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.budget = budget;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
    }

    /** Real sleeping: 1 s doubling up to 15 s, for at most {@code budget}. */
    public static Poller withBudget(Duration budget) {
        return new Poller(Duration.ofSeconds(1), Duration.ofSeconds(15), 2.0, budget,
                delay -> Thread.sleep(delay.toMillis()), System::nanoTime);
    }

    /**
     * Calls {@code attempt} until it returns a value, sleeping between attempts.
     *
     * @param what names the awaited job in the timeout message
     * @throws PollTimeoutException when the budget would be exceeded by the next wait
     */
    public <T> T poll(String what, Supplier<Optional<T>> attempt) {
        long start = nanoClock.getAsLong();
        for (int attempts = 1; ; attempts++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            Duration delay = delayAfter(attempts);
            Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - start);
            if (elapsed.plus(delay).compareTo(budget) > 0) {
                throw new PollTimeoutException(what + " not ready after " + attempts + " attempts in "
                        + elapsed.toMillis() + " ms (budget " + budget.toMillis() + " ms)");
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PollTimeoutException("interrupted while waiting for " + what);
            }
        }
    }

    /** The wait after the given (1-based) attempt: initial * multiplier^(attempt-1), capped at maxDelay. */
    Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** The job did not finish within the poller's budget. */
    public static final class PollTimeoutException extends RuntimeException {
        public PollTimeoutException(String message) {
            super(message);
        }
    }
}
