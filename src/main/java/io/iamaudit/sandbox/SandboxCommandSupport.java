package io.iamaudit.sandbox;

import io.iamaudit.sandbox.scenario.Scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * What the {@code sandbox} CLI command does: start the sandbox on a port with a scenario (default: the demo) and a
 * profile (default: instant), print how to point the AWS CLI or SDK at it, and serve until interrupted.
 */
public final class SandboxCommandSupport {

    private SandboxCommandSupport() {
    }

    /**
     * Starts the sandbox and prints the endpoint and credentials.
     *
     * @param scenarioFile null for the built-in demo
     * @param profileFile  null for no latency and no faults
     * @throws IllegalArgumentException when a file is unreadable or invalid (one line naming it)
     */
    public static SandboxServer start(int port, Path scenarioFile, Path profileFile, PrintStream out) {
        Scenario scenario = scenarioFile == null ? Scenarios.demo() : Scenarios.load(scenarioFile);
        SandboxProfile profile = profileFile == null ? SandboxProfile.instant() : SandboxProfile.load(profileFile);
        SandboxServer server = SandboxServer.start(scenario, profile, port);
        SandboxCredentials c = server.managementCredentials();
        out.println("Sandbox organization " + scenario.organization().id() + " (" + scenario.accounts().size()
                + " accounts, management " + server.managementAccountId() + ") serving IAM, STS, Organizations and"
                + " Access Analyzer at " + server.endpoint());
        out.println("Use it with:");
        out.println("  export AWS_ENDPOINT_URL=" + server.endpoint());
        out.println("  export AWS_ACCESS_KEY_ID=" + c.accessKeyId());
        out.println("  export AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey());
        out.println("  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1   # AWS CLI v1 reads only the latter");
        out.println("  aws --endpoint-url " + server.endpoint() + " organizations list-accounts");
        out.flush();
        return server;
    }

    /** Starts the sandbox, prints how to use it, and blocks until the thread is interrupted (Ctrl-C). */
    public static void run(int port, Path scenarioFile, Path profileFile, PrintStream out) throws InterruptedException {
        try (SandboxServer server = start(port, scenarioFile, profileFile, out)) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-shutdown"));
            stopped.await();
            out.println("Sandbox stopped: " + server.stats());
        }
    }
}
