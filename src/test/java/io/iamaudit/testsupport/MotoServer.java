package io.iamaudit.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code moto_server} process on a loopback port of its own choosing: started once, reset between tests, stopped at
 * the end. It binds port 0 and the port is read from its own "Running on" line, so no other process can take the port
 * between choosing and binding it.
 */
public final class MotoServer implements AutoCloseable {

    private static final Pattern RUNNING_ON = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private int port;

    private MotoServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        return start(java.util.Map.of());
    }

    /** @param environment extra moto settings, e.g. MOTO_ACCOUNT_ID or MOTO_IAM_LOAD_MANAGED_POLICIES */
    public static MotoServer start(java.util.Map<String, String> environment) throws IOException, InterruptedException {
        // every test that needs moto skips without it (fails under -Dpeers=required), whether or not it is annotated
        Peers.assume("a test against moto_server", Peer.MOTO_SERVER);
        Files.createDirectories(Path.of("target"));
        Path log = Files.createTempFile(Path.of("target"), "moto-", ".log");
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "false");
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().putAll(environment);
        MotoServer server = new MotoServer(builder.start(), log);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Forgets every resource of every account, so each test builds its own world. */
    public void reset() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL()
                .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.getOutputStream().close();
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status != 200) {
            throw new IOException("moto reset answered HTTP " + status);
        }
    }

    /** Waits for moto's "Running on" line (its port), then for its API to answer. */
    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (port == 0) {
                Matcher running = RUNNING_ON.matcher(Files.readString(log));
                if (running.find()) {
                    port = Integer.parseInt(running.group(1));
                } else {
                    Thread.sleep(50);
                }
                continue;
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL()
                        .openConnection();
                connection.setConnectTimeout(200);
                if (connection.getResponseCode() == 200) {
                    connection.disconnect();
                    return;
                }
            } catch (IOException notYet) {
                // the port does not answer yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("moto_server did not answer within " + timeout + ": " + Files.readString(log));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
