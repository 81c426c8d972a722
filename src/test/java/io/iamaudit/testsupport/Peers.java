package io.iamaudit.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one place that decides what a test does when an outside tool is missing: on a machine with only Java and
 * Maven it is skipped with a printed reason, so {@code mvn -B verify} passes there; with {@code -Dpeers=required}
 * (set by {@code .ci/run}) it fails, so CI can never go green by silently skipping.
 */
public final class Peers {
    /** The system property {@code .ci/run} sets to make every peer mandatory. */
    public static final String MODE_PROPERTY = "peers";

    private static final Map<Peer, Boolean> PRESENT = new EnumMap<>(Peer.class);

    private Peers() {
    }

    public static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, ""));
    }

    /** Whether this machine has the peer; looked up once per test JVM. */
    public static synchronized boolean present(Peer peer) {
        return PRESENT.computeIfAbsent(peer, Peer::present);
    }

    /** The reason {@code test} cannot run, or {@code null} when every peer is present. */
    static String missing(String test, Peer... peers) {
        for (Peer peer : peers) {
            if (!present(peer)) {
                return test + " needs " + peer.requirement();
            }
        }
        return null;
    }

    /**
     * Returns normally when every peer is present; otherwise skips the calling test with the reason (printed on
     * stderr too, since Maven's summary only counts skips), or fails it when peers are required.
     */
    public static void assume(String test, Peer... peers) {
        String reason = missing(test, peers);
        if (reason == null) {
            return;
        }
        if (required()) {
            throw new AssertionError(reason + ", and -D" + MODE_PROPERTY + "=required makes it mandatory");
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}
