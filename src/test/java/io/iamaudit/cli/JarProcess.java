package io.iamaudit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code target/iam-audit.jar} as a real process, the way cron or ECS would: its own JVM, a clean AWS
 * environment (no credentials, no instance metadata lookups), its own working folder.
 */
public final class JarProcess {

    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    private final Path home;

    public JarProcess(Path home) {
        this.home = home;
    }

    public static Path jar() {
        String jar = System.getProperty("iamaudit.jar", "target/iam-audit.jar");
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the jar is missing: " + path + " (these tests run in `mvn verify`)");
        }
        return path.toAbsolutePath();
    }

    public Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("IAM_AUDIT_"));
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString());
        pb.environment().put("IAM_AUDIT_HOME", home.resolve(".iam-audit").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(home.resolve("stdout.log").toFile());
        pb.redirectError(home.resolve("stderr.log").toFile());
        return pb.start();
    }

    public Result run(Map<String, String> env, Duration timeout, String... args) throws IOException, InterruptedException {
        Process process = start(env, args);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("iam-audit " + String.join(" ", args) + " did not finish in " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(home.resolve("stdout.log"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr.log"), StandardCharsets.UTF_8));
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), Duration.ofMinutes(4), args);
    }

    /** The stdout of the current or last process, as far as it has been written. */
    public String stdoutSoFar() throws IOException {
        Path log = home.resolve("stdout.log");
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }

    public Path home() {
        return home;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
