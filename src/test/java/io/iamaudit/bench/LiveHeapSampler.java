package io.iamaudit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit JVM's live data: every {@code interval} a {@code jcmd PID GC.class_histogram}, which runs a full
 * collection first, so its total is what the run really holds then (unlike heap occupancy after young collections,
 * which still counts old-generation garbage not yet marked). The peak is kept.
 * <p>
 * Each sample pauses the audit JVM for a full collection and costs a short-lived jcmd JVM; the sampler keeps the
 * time its jcmd calls took, the ceiling of that perturbation, so the bench can print it beside the wall time.
 */
final class LiveHeapSampler implements AutoCloseable {

    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** One histogram: seconds since the audit started, live bytes, how long jcmd took. */
    record Sample(double atSeconds, long liveBytes, double tookSeconds) {
    }

    private final long pid;
    private final long intervalMillis;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean stopped;

    private LiveHeapSampler(long pid, long intervalMillis) {
        this.pid = pid;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::run, "live-heap-sampler");
        this.thread.setDaemon(true);
    }

    /** Starts sampling {@code pid}; an interval of 0 or less samples nothing. */
    static LiveHeapSampler start(long pid, long intervalMillis) {
        LiveHeapSampler sampler = new LiveHeapSampler(pid, intervalMillis);
        if (intervalMillis > 0) {
            sampler.thread.start();
        }
        return sampler;
    }

    private void run() {
        while (!stopped) {
            try {
                synchronized (wakeUp) {
                    wakeUp.wait(intervalMillis);
                }
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            long at = System.nanoTime();
            Optional<Long> live = histogramTotal(pid);
            double took = (System.nanoTime() - at) / 1e9;
            live.ifPresent(bytes -> {
                synchronized (samples) {
                    samples.add(new Sample((at - startNanos) / 1e9, bytes, took));
                }
            });
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    long peakLiveBytes() {
        return samples().stream().mapToLong(Sample::liveBytes).max().orElse(0);
    }

    double samplingSeconds() {
        return samples().stream().mapToDouble(Sample::tookSeconds).sum();
    }

    /** Stops sampling; a histogram under way finishes first (its pause is already paid). */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        thread.join(60_000);
    }

    /** The live bytes of a histogram's output, if it has its Total line. */
    static Optional<Long> parseTotal(String histogram) {
        Matcher m = TOTAL.matcher(histogram);
        Long last = null;
        while (m.find()) {
            last = Long.parseLong(m.group(2));
        }
        return Optional.ofNullable(last);
    }

    private static Optional<Long> histogramTotal(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return parseTotal(out);
        } catch (IOException e) {
            return Optional.empty(); // the audit JVM is gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
