package io.iamaudit.sandbox.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The credential report state machine of every account: none → generating (for the configured delay) → complete.
 * A complete report older than four hours is regenerated on the next request, as IAM does. The delay is read when a
 * generation is looked at, not when it starts, so a test can hold a report in progress (a long delay) and then
 * release it (no delay) instead of betting on how fast a loaded machine answers.
 */
public final class CredentialReports {

    /** What GenerateCredentialReport answers. */
    public enum State { STARTED, INPROGRESS, COMPLETE }

    /** One account's latest generation: when it started, and the delay in force that decides when it is ready. */
    public record Generation(Instant started, Supplier<Duration> delay) {
        public Instant ready() {
            return started.plus(delay.get());
        }

        public boolean complete(Instant now) {
            return !now.isBefore(ready());
        }
    }

    private static final Duration FRESH_FOR = Duration.ofHours(4);

    private final Map<String, Generation> byAccount = new ConcurrentHashMap<>();
    private final Supplier<Duration> delay;

    public CredentialReports(Supplier<Duration> delay) {
        this.delay = delay;
    }

    public State generate(String accountId, Instant now) {
        State[] state = new State[1];
        byAccount.compute(accountId, (k, g) -> {
            if (g == null || (g.complete(now) && now.isAfter(g.ready().plus(FRESH_FOR)))) {
                state[0] = State.STARTED;
                return new Generation(now, delay);
            }
            state[0] = g.complete(now) ? State.COMPLETE : State.INPROGRESS;
            return g;
        });
        return state[0];
    }

    /** The account's latest generation, or null when none was ever started. */
    public Generation latest(String accountId) {
        return byAccount.get(accountId);
    }
}
