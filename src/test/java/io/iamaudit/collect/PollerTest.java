package io.iamaudit.collect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollerTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    /** A poller whose sleeps only advance a fake clock. */
    private Poller poller(Duration budget) {
        return new Poller(Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, budget, delay -> {
            sleeps.add(delay);
            clock.addAndGet(delay.toNanos());
        }, clock::get);
    }

    @Test
    void returnsAsSoonAsTheJobIsDoneAndCountsEveryAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        String result = poller(Duration.ofMinutes(1)).poll("job",
                () -> attempts.incrementAndGet() < 4 ? Optional.empty() : Optional.of("done"));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        AtomicInteger attempts = new AtomicInteger();

        poller(Duration.ofMinutes(1)).poll("job",
                () -> attempts.incrementAndGet() < 7 ? Optional.empty() : Optional.of(1));

        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1000), Duration.ofMillis(1000));
    }

    @Test
    void exhaustedBudgetEndsWithAClearError() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> poller(Duration.ofMillis(1500)).poll("credential report", () -> {
            attempts.incrementAndGet();
            return Optional.empty();
        }))
                .isInstanceOf(Poller.PollTimeoutException.class)
                .hasMessageContaining("credential report not ready after 5 attempts")
                .hasMessageContaining("budget 1500 ms");
        // 100+200+400+800 = 1500 ms slept; the next 1000 ms wait would overshoot the budget
        assertThat(attempts).hasValue(5);
        assertThat(clock.get()).isEqualTo(Duration.ofMillis(1500).toNanos());
    }

    @Test
    void interruptionStopsPollingAndKeepsTheFlag() {
        Poller interrupted = new Poller(Duration.ofMillis(10), Duration.ofMillis(10), 1.0, Duration.ofMinutes(1),
                delay -> {
                    throw new InterruptedException();
                }, clock::get);
        try {
            assertThatThrownBy(() -> interrupted.poll("job", Optional::empty))
                    .isInstanceOf(Poller.PollTimeoutException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsDelaysThatCannotGrow() {
        assertThatThrownBy(() -> new Poller(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1),
                d -> { }, System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Poller(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1),
                d -> { }, System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
    }
}
