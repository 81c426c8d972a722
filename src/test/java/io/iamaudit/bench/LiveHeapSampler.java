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
 * <p>
 * While a thread is in a JNI critical region (the zip deflater of the workbook writer, for one) HotSpot skips the
 * collection ("GC locker is held; pre-dump GC was skipped") and the histogram counts garbage too: at 800 accounts
 * such samples read 412-664 MiB beside 100-350 MiB of live data. The audit JVM logs each skip; a sample during
 * which the count of skips grew is taken again shortly after, and dropped if it keeps being skipped.
 */
final class LiveHeapSampler implements AutoCloseable {

    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** One histogram: seconds since the audit started, live bytes, how long jcmd took. */
    record Sample(double atSeconds, long liveBytes, double tookSeconds) {
    }

    static final String SKIPPED = "pre-dump GC was skipped";
    private static final int ATTEMPTS = 5;

    private final long pid;
    private final long intervalMillis;
    private final java.util.function.LongSupplier skippedCollections;
    private volatile int droppedSamples;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean stopped;

    private LiveHeapSampler(long pid, long intervalMillis, java.util.function.LongSupplier skippedCollections) {
        this.pid = pid;
        this.intervalMillis = intervalMillis;
        this.skippedCollections = skippedCollections;
        this.thread = new Thread(this::run, "live-heap-sampler");
        this.thread.setDaemon(true);
    }

    /**
     * The default seconds between two histograms for an organization of {@code accounts}: one per 40 accounts,
     * from 2 to 20. Each histogram is a full collection of the audit JVM (0.3-0.5 s for a 1 GiB heap on an idle
     * machine), so every 20 s keeps that near 2% of an 800-account run and still samples each of its stages a few
     * times; a 50-account run lasts about a minute, and at 20 s its two histograms read a peak of 87 MiB where
     * sampling every 2 s found 124 (2026-12-07). The growth from the smallest size to the largest is only fair when
     * both are sampled densely enough to see their peaks.
     */
    static int everySecondsFor(int accounts) {
        return Math.max(2, Math.min(20, accounts / 40));
    }

    /** Starts sampling {@code pid}; an interval of 0 or less samples nothing. */
    static LiveHeapSampler start(long pid, long intervalMillis) {
        return start(pid, intervalMillis, () -> 0);
    }

    /**
     * @param skippedCollections how many times so far the JVM skipped a histogram's collection (from its log, see
     *                           {@link #skipsLoggedIn})
     */
    static LiveHeapSampler start(long pid, long intervalMillis, java.util.function.LongSupplier skippedCollections) {
        LiveHeapSampler sampler = new LiveHeapSampler(pid, intervalMillis, skippedCollections);
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
            sampleOnce();
        }
    }

    private void sampleOnce() {
        for (int attempt = 0; attempt < ATTEMPTS && !stopped; attempt++) {
            long skippedBefore = skippedCollections.getAsLong();
            long at = System.nanoTime();
            Optional<Long> live = histogramTotal(pid);
            double took = (System.nanoTime() - at) / 1e9;
            if (live.isEmpty()) {
                return;
            }
            if (skippedCollections.getAsLong() == skippedBefore) {
                synchronized (samples) {
                    samples.add(new Sample((at - startNanos) / 1e9, live.get(), took));
                }
                return;
            }
            try {
                Thread.sleep(250); // the critical region is usually short: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        droppedSamples++;
    }

    /** Samples dropped because the JVM skipped their collection every time. */
    int droppedSamples() {
        return droppedSamples;
    }

    /** Counts the skipped collections a JVM's log (its standard output) reports so far. */
    static java.util.function.LongSupplier skipsLoggedIn(Path log) {
        return () -> {
            try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(l -> l.contains(SKIPPED)).count();
            } catch (IOException | java.io.UncheckedIOException e) {
                return 0;
            }
        };
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
