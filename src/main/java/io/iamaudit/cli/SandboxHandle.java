package io.iamaudit.cli;

import java.util.Map;

/** The embedded sandbox organization, when {@code --sandbox} asked for one; a no-op otherwise. */
final class SandboxHandle implements AutoCloseable {

    private SandboxHandle() {
    }

    static SandboxHandle startIfRequested(Map<String, String> props) {
        return new SandboxHandle();
    }

    boolean running() {
        return false;
    }

    void addClientProperties(Map<String, String> props) {
    }

    @Override
    public void close() {
    }
}
