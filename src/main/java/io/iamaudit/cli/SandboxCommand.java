package io.iamaudit.cli;

import io.iamaudit.sandbox.SandboxCommandSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port: " + port + " is not a TCP port");
        }
        Path scenarioFile = scenario == null ? null : InputValidation.readableFile(scenario, "--scenario");
        Path profileFile = profile == null ? null : InputValidation.readableFile(profile, "--profile");
        try {
            SandboxCommandSupport.run(port, scenarioFile, profileFile, System.out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UsageException("--port: cannot listen on " + port + ": " + e.getMessage());
        }
        return ExitCode.COMPLETE;
    }
}
