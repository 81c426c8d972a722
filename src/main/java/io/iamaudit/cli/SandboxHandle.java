package io.iamaudit.cli;

import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.sandbox.scenario.Scenario;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded sandbox organization, started when {@code --sandbox} asked for one, and stopped with the run.
 * It points every AWS client of the run at itself with the management account's sandbox credentials.
 */
final class SandboxHandle implements AutoCloseable {

    private final SandboxServer server;

    private SandboxHandle(SandboxServer server) {
        this.server = server;
    }

    static SandboxHandle startIfRequested(Map<String, String> props) {
        String scenario = props.get("iam-audit.sandbox.scenario");
        if (scenario == null) {
            return new SandboxHandle(null);
        }
        String profile = props.get("iam-audit.sandbox.profile");
        return new SandboxHandle(SandboxServer.start(scenario(scenario),
                profile == null ? SandboxProfile.instant() : profile(profile), 0));
    }

    static Scenario scenario(String value) {
        if ("demo".equals(value)) {
            return Scenarios.demo();
        }
        try {
            return Scenarios.load(Path.of(value));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static SandboxProfile profile(String file) {
        try {
            return SandboxProfile.load(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    boolean running() {
        return server != null;
    }

    /** Points the run's AWS clients at the sandbox (nothing when no sandbox runs). */
    void addClientProperties(Map<String, String> props) {
        if (server == null) {
            return;
        }
        props.put("iam-audit.aws.endpoint", server.endpoint().toString());
        props.put("iam-audit.aws.region", "us-east-1");
        props.put("iam-audit.aws.access-key-id", server.managementCredentials().accessKeyId());
        props.put("iam-audit.aws.secret-access-key", server.managementCredentials().secretAccessKey());
        // the sandbox throttles with AWS's errors; a short first backoff keeps demos and tests quick
        props.putIfAbsent("iam-audit.aws.throttling-base-delay-millis", "50");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
