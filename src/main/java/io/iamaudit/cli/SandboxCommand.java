package io.iamaudit.cli;

import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Serves a sandbox organization on a port until interrupted, for the AWS CLI, SDKs, or another run of the tool. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Serve a local AWS-compatible organization (Organizations, STS, IAM, Access Analyzer).")
class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "4566", paramLabel = "PORT", description = "Port on 127.0.0.1 (default 4566; 0 = any free port).")
    int port;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (default: the built-in demo organization).")
    String scenario;

    @Option(names = "--profile", paramLabel = "FILE", description = "Latency and fault profile (default: no delays).")
    String profile;

    @Option(names = "--stats-file", paramLabel = "FILE", description = "On shutdown, write the calls, throttles and"
            + " errors served per service:Operation to FILE as JSON (for scripts/bench).")
    String statsFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port: " + port + " is not a TCP port");
        }
        if (scenario != null) {
            InputValidation.readableFile(scenario, "--scenario");
        }
        if (profile != null) {
            InputValidation.readableFile(profile, "--profile");
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(SandboxHandle.scenario(scenario == null ? "demo" : scenario),
                    profile == null ? SandboxProfile.instant() : SandboxHandle.profile(profile), port);
        } catch (java.io.UncheckedIOException e) {
            throw new UsageException("--port: cannot listen on " + port + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sandbox organization " + server.scenario().organization().id() + " at " + server.endpoint());
        out.println("  export AWS_ENDPOINT_URL=" + server.endpoint());
        out.println("  export AWS_ACCESS_KEY_ID=" + server.managementCredentials().accessKeyId());
        out.println("  export AWS_SECRET_ACCESS_KEY=" + server.managementCredentials().secretAccessKey());
        out.println("  export AWS_REGION=us-east-1");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            writeStats(server);
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.COMPLETE;
    }

    private void writeStats(SandboxServer server) {
        if (statsFile == null) {
            return;
        }
        java.util.Map<String, Object> stats = new java.util.LinkedHashMap<>();
        stats.put("calls", server.stats().callsSnapshot());
        stats.put("throttles", server.stats().throttlesSnapshot());
        stats.put("totalCalls", server.stats().totalCalls());
        stats.put("totalThrottles", server.stats().totalThrottles());
        stats.put("totalErrors", server.stats().totalErrors());
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(java.nio.file.Path.of(statsFile).toFile(), stats);
        } catch (java.io.IOException e) {
            System.err.println("sandbox: cannot write " + statsFile + ": " + e.getMessage());
        }
    }
}
