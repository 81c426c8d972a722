package io.iamaudit.collect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestPacerTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that only moves when the pacer sleeps, so every wait is exact. */
    private final AtomicLong now = new AtomicLong(50 * SECOND);
    private final List<Long> waits = new ArrayList<>();

    private RequestPacer pacer(double perSecond, int burst) {
        return new RequestPacer(perSecond, burst, now::get, nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void aBurstGoesAtOnceThenCallsAreSpacedAtTheRate() {
        RequestPacer pacer = pacer(5, 3);

        for (int i = 0; i < 7; i++) {
            pacer.acquire();
        }

        // 3 free, then one every 200 ms: 7 calls end 0.8 s after the first
        assertThat(waits).containsExactly(SECOND / 5, SECOND / 5, SECOND / 5, SECOND / 5);
        assertThat(now.get()).isEqualTo(50 * SECOND + 4 * SECOND / 5);
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        RequestPacer pacer = pacer(10, 2);
        pacer.acquire();
        pacer.acquire();

        now.addAndGet(60 * SECOND);          // a long pause must not bank 600 calls
        for (int i = 0; i < 4; i++) {
            pacer.acquire();
        }

        assertThat(waits).containsExactly(SECOND / 10, SECOND / 10);
    }

    @Test
    void sustainedRateNeverExceedsTheConfiguredOne() {
        RequestPacer pacer = pacer(5, 5);

        for (int i = 0; i < 1_000; i++) {
            pacer.acquire();
        }

        // 1,000 calls at 5/s with 5 free: (1,000 - 5) / 5 seconds
        assertThat(now.get() - 50 * SECOND).isEqualTo(199 * SECOND);
    }

    @Test
    void concurrentCallersShareOneRate() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(200, 1);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    pacer.acquire();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }

        // 40 calls at 200/s with no burst take at least 39 intervals, however many threads ask
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(39 * SECOND / 200);
    }

    @Test
    void rejectsARateThatCouldNeverLetACallThrough() {
        assertThatThrownBy(() -> new RequestPacer(0, 1)).hasMessageContaining("calls per second > 0");
        assertThatThrownBy(() -> new RequestPacer(5, 0)).hasMessageContaining("burst >= 1");
    }
}
