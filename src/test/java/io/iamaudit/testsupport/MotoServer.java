package io.iamaudit.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@code moto_server} process on a free loopback port: started once, reset between tests, stopped at the end.
 * AWS managed policies are loaded so attached AWS policies come back with their documents.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        return start(java.util.Map.of());
    }

    /** @param environment extra moto settings, e.g. MOTO_ACCOUNT_ID or MOTO_IAM_LOAD_MANAGED_POLICIES */
    public static MotoServer start(java.util.Map<String, String> environment) throws IOException, InterruptedException {
        int port = freePort();
        File log = new File("target/moto-" + port + ".log");
        log.getParentFile().mkdirs();
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "false");
        builder.environment().putAll(environment);
        MotoServer server = new MotoServer(builder.start(), port);
        server.awaitReady(Duration.ofSeconds(30));
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

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + ", see target/moto-"
                        + port + ".log");
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
        throw new IOException("moto_server did not answer on port " + port + " within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
