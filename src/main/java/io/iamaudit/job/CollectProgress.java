package io.iamaudit.job;

import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AccountCoverage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** One log line per finished account, with counts and an ETA for the rest of the collection. */
class CollectProgress {

    private static final Logger log = LoggerFactory.getLogger(CollectProgress.class);

    private final Clock clock;
    private final AtomicInteger done = new AtomicInteger();
    private volatile Instant started;
    private volatile int total;

    CollectProgress(Clock clock) {
        this.clock = clock;
    }

    void begin(int accounts) {
        started = clock.instant();
        total = accounts;
        done.set(0);
    }

    void accountDone(AccountCoverage coverage, AccountSnapshot snapshot) {
        int n = done.incrementAndGet();
        Duration elapsed = Duration.between(started == null ? clock.instant() : started, clock.instant());
        Duration eta = n == 0 ? Duration.ZERO : elapsed.multipliedBy(Math.max(0, total - n)).dividedBy(n);
        if (coverage.status() == AccountCoverage.Status.FAILED) {
            log.warn("[{}/{}] account {} ({}) FAILED: {} — ETA {}s", n, total, coverage.accountId(),
                    coverage.accountName(), coverage.reason(), eta.toSeconds());
            return;
        }
        int users = snapshot.authorization().get().map(a -> a.users().size()).orElse(0);
        int roles = snapshot.authorization().get().map(a -> a.roles().size()).orElse(0);
        log.info("[{}/{}] account {} ({}) audited: {} users, {} roles, {} AWS calls{} — ETA {}s",
                n, total, coverage.accountId(), coverage.accountName(), users, roles, coverage.totalCalls(),
                coverage.reason() == null || coverage.reason().isBlank() ? "" : "; missing: " + coverage.reason(),
                eta.toSeconds());
    }
}
