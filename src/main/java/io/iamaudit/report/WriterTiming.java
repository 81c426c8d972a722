package io.iamaudit.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What one report writer took: rows written, wall time, and the CPU time of the thread that wrote them (GC and JIT
 * threads not counted). The CPU figure is the one to compare when the machine is shared: wall time then mostly
 * measures the neighbours.
 */
public record WriterTiming(long rows, long wallNanos, long cpuNanos) {

    public static final WriterTiming NONE = new WriterTiming(0, 0, 0);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long rowsPerSecond() {
        return wallNanos <= 0 ? 0 : Math.round(rows * 1e9 / wallNanos);
    }

    /** Starts timing the calling thread: stop it on the same thread, as thread CPU time is per thread. */
    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime(), threadCpuNanos());
    }

    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** A started measure of one writer on one thread. */
    public record Stopwatch(long startNanos, long startCpuNanos) {
        public WriterTiming stop(long rows) {
            return new WriterTiming(rows, System.nanoTime() - startNanos, threadCpuNanos() - startCpuNanos);
        }
    }
}
