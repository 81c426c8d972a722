package io.iamaudit.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The helper every peer-dependent test relies on: how it finds tools and derives per-test databases. */
class PeersTest {

    @Test
    void aCommandIsFoundOnlyWhenAnExecutableOfThatNameIsOnPath() {
        assertThat(Peer.onPath("java")).as("the JVM running the tests is on PATH in Maven builds").isTrue();
        assertThat(Peer.onPath("no-such-tool-iam-audit")).isFalse();
    }

    @Test
    void aFreshDatabaseKeepsTheServerAndItsParameters() {
        assertThat(PostgresPeer.withDatabase("jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres&ssl=false",
                "iamaudit_1")).isEqualTo("jdbc:postgresql://127.0.0.1:55432/iamaudit_1?user=postgres&ssl=false");
        assertThat(PostgresPeer.withDatabase("jdbc:postgresql://db:5432/x", "y")).isEqualTo("jdbc:postgresql://db:5432/y");
    }

    @Test
    void theUserComesFromTheUrlAndDefaultsToPostgres() {
        assertThat(PostgresPeer.user("jdbc:postgresql://h:1/d?ssl=false&user=ci")).isEqualTo("ci");
        assertThat(PostgresPeer.user("jdbc:postgresql://h:1/d?superuser=x")).isEqualTo("postgres");
        assertThat(PostgresPeer.user("jdbc:postgresql://h:1/d")).isEqualTo("postgres");
    }
}
