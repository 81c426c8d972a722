package io.iamaudit.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveHeapSamplerTest {

    @Test
    void readsTheTotalLineOfAClassHistogram() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        120000       98765432  [B (java.base@17.0.15)
                   2:         40000        1280000  java.lang.String (java.base@17.0.15)
                Total        160000      100045432
                """;
        assertThat(LiveHeapSampler.parseTotal(histogram)).contains(100_045_432L);
        assertThat(LiveHeapSampler.parseTotal("12345:\ncom.sun.tools.attach.AttachNotSupportedException")).isEmpty();
    }

    @Test
    void samplesALiveJvmAndKeepsThePeak() throws Exception {
        // given this test's own JVM, holding 64 MiB it still uses
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 20];
        }

        // when sampled every 200 ms until a histogram is in (jcmd starts a JVM of its own: slow on a loaded machine)
        LiveHeapSampler sampler = LiveHeapSampler.start(ProcessHandle.current().pid(), 200);
        for (int i = 0; i < 300 && sampler.samples().isEmpty(); i++) {
            Thread.sleep(100);
        }
        sampler.close();

        // then the held arrays are in every histogram's live total
        assertThat(sampler.samples()).isNotEmpty();
        assertThat(sampler.peakLiveBytes()).isGreaterThan(64L << 20);
        assertThat(sampler.samplingSeconds()).isPositive();
        assertThat(held[63]).hasSize(1 << 20);
    }

    @Test
    void aSampleWhoseCollectionTheJvmSkippedIsTakenAgainOrDropped() throws Exception {
        // given a JVM that reports a skipped collection during every histogram (as under the GC locker)
        java.util.concurrent.atomic.AtomicLong skips = new java.util.concurrent.atomic.AtomicLong();
        LiveHeapSampler sampler = LiveHeapSampler.start(ProcessHandle.current().pid(), 100,
                skips::incrementAndGet);
        for (int i = 0; i < 600 && sampler.droppedSamples() == 0; i++) {
            Thread.sleep(100);
        }
        sampler.close();

        // then no sample counts the garbage a skipped collection left
        assertThat(sampler.droppedSamples()).isPositive();
        assertThat(sampler.samples()).isEmpty();
    }

    @Test
    void skipsAreCountedFromTheJvmLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("audit.log");
        java.util.function.LongSupplier skips = LiveHeapSampler.skipsLoggedIn(log);
        assertThat(skips.getAsLong()).isZero();
        java.nio.file.Files.writeString(log, "[169.007s][warning][gc         ] GC locker is held; pre-dump GC was skipped\n"
                + "2026-12-07T06:06:37Z INFO something else\n"
                + "[190.032s][warning][gc         ] GC locker is held; pre-dump GC was skipped\n");
        assertThat(skips.getAsLong()).isEqualTo(2);
    }

    @Test
    void smallOrganizationsAreSampledOftenEnoughToSeeTheirPeakAndLargeOnesRarelyEnoughNotToSlowThem() {
        assertThat(LiveHeapSampler.everySecondsFor(3)).isEqualTo(2);
        assertThat(LiveHeapSampler.everySecondsFor(50)).isEqualTo(2);
        assertThat(LiveHeapSampler.everySecondsFor(200)).isEqualTo(5);
        assertThat(LiveHeapSampler.everySecondsFor(800)).isEqualTo(20);
        assertThat(LiveHeapSampler.everySecondsFor(10_000)).isEqualTo(20);
    }
}
