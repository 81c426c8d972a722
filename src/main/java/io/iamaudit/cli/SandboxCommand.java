package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;
import io.iamaudit.json.Mappers;
import io.iamaudit.sandbox.SandboxCommandSupport;
import io.iamaudit.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port: " + port + " is not a TCP port");
        }
        Path scenarioFile = scenario == null ? null : InputValidation.readableFile(scenario, "--scenario");
        Path profileFile = profile == null ? null : InputValidation.readableFile(profile, "--profile");
        SandboxServer server;
        try {
            server = SandboxCommandSupport.start(port, scenarioFile, profileFile, System.out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UsageException("--port: cannot listen on " + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            writeStats(server);
            stopped.countDown();
        }, "sandbox-shutdown"));
        stopped.await();
        return ExitCode.COMPLETE;
    }

    private void writeStats(SandboxServer server) {
        if (statsFile == null) {
            return;
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("calls", server.stats().callsSnapshot());
        stats.put("throttles", server.stats().throttlesSnapshot());
        stats.put("totalCalls", server.stats().totalCalls());
        stats.put("quotaThrottles", server.stats().quotaThrottlesSnapshot());
        stats.put("totalThrottles", server.stats().totalThrottles());
        stats.put("totalQuotaThrottles", server.stats().totalQuotaThrottles());
        stats.put("totalErrors", server.stats().totalErrors());
        try {
            Mappers.pretty()
                    .writeValue(Path.of(statsFile).toFile(), stats);
        } catch (IOException e) {
            System.err.println("sandbox: cannot write " + statsFile + ": " + e.getMessage());
        }
    }
}
