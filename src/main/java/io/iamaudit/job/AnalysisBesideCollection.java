package io.iamaudit.job;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analyses each account as soon as it is complete, while the others are still being collected: collection mostly
 * waits on AWS's quotas, so the rules use cores that would otherwise idle, and the analyze step is left with only
 * what could not be done here (an account whose analysis failed, or a run restarted after a kill).
 * <p>
 * Rules are CPU only, so one thread per core. A partition hands over its snapshot in memory (no reading it back from
 * staging) and waits while {@value #QUEUED_PER_THREAD} per thread are queued, so memory stays bounded by the
 * concurrency, not the organization. An account whose findings arrive later is read back from staging.
 * A failure here is logged and leaves the account to the analyze step, which reports it as any other.
 * Registered on the collect step: it starts with the step and the step ends only when every queued account is done.
 */
class AnalysisBesideCollection implements StepExecutionListener {

    static final int QUEUED_PER_THREAD = 2;
    static final String ACCOUNTS_KEY = "analysedBesideCollection";

    private static final Logger log = LoggerFactory.getLogger(AnalysisBesideCollection.class);

    private final StagingRepository staging;
    private final AccountAnalyzer analyzer;
    private final AnalysisContext template;
    private final int threads;
    private volatile Batch current;

    AnalysisBesideCollection(StagingRepository staging, AccountAnalyzer analyzer, AnalysisContext template,
                             int threads) {
        this.staging = staging;
        this.analyzer = analyzer;
        this.template = template;
        this.threads = threads;
    }

    /** Analyses nothing: for collecting outside a job (tests of staging). */
    static AnalysisBesideCollection none() {
        return new AnalysisBesideCollection(null, null, null, 1);
    }

    @Override
    public void beforeStep(StepExecution step) {
        String runId = step.getJobExecution().getJobParameters().getString(JobParameterNames.RUN_ID);
        current = new Batch(RunAnalysis.of(staging, analyzer, template, runId), threads);
    }

    /** A complete account, its snapshot in hand: analysed as soon as a thread is free. */
    void complete(AccountSnapshot snapshot) {
        Batch batch = current;
        if (batch != null) {
            batch.submit(snapshot.account().accountId(), () -> batch.analysis.analyze(snapshot), true);
        }
    }

    /** A complete account whose snapshot is staged (its findings arrived after it was collected). */
    void complete(String accountId) {
        Batch batch = current;
        if (batch != null) {
            batch.submit(accountId, () -> batch.analysis.analyze(accountId).orElse(null), false);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Batch batch = current;
        current = null;
        if (batch == null) {
            return null;
        }
        try {
            batch.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the last accounts were analysed", e);
        }
        step.getExecutionContext().putInt(ACCOUNTS_KEY, batch.analysed.get());
        log.info("run {}: {} account(s) analysed beside collection ({} CPU-ms){}",
                batch.analysis.context().runId(), batch.analysed.get(), batch.cpuNanos.get() / 1_000_000,
                batch.failed.get() == 0 ? "" : "; " + batch.failed.get() + " left to the analyze step");
        return null;
    }

    /** One run's queue of accounts to analyse. */
    private static final class Batch {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

        private final RunAnalysis analysis;
        private final ExecutorService executor;
        private final Semaphore inMemory;
        private final AtomicInteger analysed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicLong cpuNanos = new AtomicLong();

        Batch(RunAnalysis analysis, int threads) {
            this.analysis = analysis;
            AtomicInteger n = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "analyze-early-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.inMemory = new Semaphore(QUEUED_PER_THREAD * threads);
        }

        void submit(String accountId, java.util.function.Supplier<io.iamaudit.analyze.run.AccountAnalysis> work,
                    boolean holdsSnapshot) {
            if (holdsSnapshot) {
                inMemory.acquireUninterruptibly();
            }
            try {
                executor.execute(() -> {
                    long start = CPU.getCurrentThreadCpuTime();
                    try {
                        var result = work.get();
                        if (result != null) {
                            analysis.stage(result);
                            analysed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        log.warn("account {}: analysis beside collection failed, left to the analyze step: {}",
                                accountId, e.toString());
                    } finally {
                        cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - start);
                        if (holdsSnapshot) {
                            inMemory.release();
                        }
                    }
                });
            } catch (RuntimeException e) {
                if (holdsSnapshot) {
                    inMemory.release();
                }
                throw e;
            }
        }

        void finish() throws InterruptedException {
            executor.shutdown();
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("run {}: waiting for the accounts still being analysed", analysis.context().runId());
            }
        }
    }
}
