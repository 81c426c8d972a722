package io.iamaudit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of an HTTP server that forwards everything until the {@code n}-th request whose
 * request line starts with {@code marker} (for example {@code "PUT /bucket/out/runs/"}), then holds that request
 * forever: the client waits mid-upload, which is the state a test can then {@code kill -9} in. Byte-level, so
 * signatures, {@code Expect: 100-continue} and chunked bodies pass untouched. Requests are sequential per connection
 * (HTTP/1.1 without pipelining), so when the n-th is held, the earlier ones have been answered.
 */
public final class StallingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final URI target;
    private final byte[] marker;
    private final int stallAt;
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public StallingProxy(URI target, String marker, int stallAt) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.marker = marker.getBytes(StandardCharsets.ISO_8859_1);
        this.stallAt = stallAt;
        Thread accept = new Thread(this::accept, "stalling-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Waits until a request is held; false if none came within the timeout. */
    public boolean awaitStall(long timeout, TimeUnit unit) throws InterruptedException {
        return stalled.await(timeout, unit);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(server);
                pump(client.getInputStream(), server.getOutputStream(), true);
                pump(server.getInputStream(), client.getOutputStream(), false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean watch) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    int hold = watch ? stallOffset(buffer, read) : -1;
                    if (hold >= 0) {
                        out.write(buffer, 0, hold);
                        out.flush();
                        stalled.countDown();
                        return; // never forward the rest: the client waits until it is killed
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away
            }
        }, "stalling-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** The offset of the request line to hold in this chunk, or -1. A request line starts a write of the client. */
    private int stallOffset(byte[] buffer, int length) {
        for (int i = 0; i + marker.length <= length; i++) {
            if ((i == 0 || buffer[i - 1] == '\n') && matches(buffer, i) && seen.incrementAndGet() == stallAt) {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(byte[] buffer, int at) {
        for (int j = 0; j < marker.length; j++) {
            if (buffer[at + j] != marker[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
