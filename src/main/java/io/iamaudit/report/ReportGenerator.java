package io.iamaudit.report;

import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Writes the workbook and the csv files of one staged run into a local folder, ready to publish. The workbook is
 * written on the calling thread while the csv and proposal files are written on a second one, and the finding exports,
 * when given, on a third: each reads the staging store on its own connection and writes different files, so the
 * cores share the writers instead of the step adding their times up.
 */
public final class ReportGenerator {
    private static final Logger log = LoggerFactory.getLogger(ReportGenerator.class);

    private final ReportTemplate template;
    private final ReportTables tables;
    private final WorkbookLimits limits;
    private final Clock clock;
    private final boolean csvBom;
    private final boolean concurrent;

    public ReportGenerator(ReportTemplate template, WorkbookLimits limits, Clock clock) {
        this(template, limits, clock, true);
    }

    /** @param csvBom whether the csv files start with a UTF-8 byte-order mark (see {@link CsvBom}) */
    public ReportGenerator(ReportTemplate template, WorkbookLimits limits, Clock clock, boolean csvBom) {
        this(template, limits, clock, csvBom, true);
    }

    private ReportGenerator(ReportTemplate template, WorkbookLimits limits, Clock clock, boolean csvBom,
                            boolean concurrent) {
        this.csvBom = csvBom;
        this.template = template;
        this.tables = ReportTables.bind(template);
        this.limits = limits;
        this.clock = clock;
        this.concurrent = concurrent;
    }

    public ReportGenerator(ReportTemplate template) {
        this(template, WorkbookLimits.excel(), Clock.systemUTC());
    }

    /** The same generator writing one file after the other on the calling thread (what tests compare against). */
    ReportGenerator sequential() {
        return new ReportGenerator(template, limits, clock, csvBom, false);
    }

    public ReportBundle generate(StagingRepository repository, String runId, Path folder, String ruleCatalogVersion) {
        return generate(repository, runId, folder, ruleCatalogVersion, null);
    }

    /**
     * As {@link #generate(StagingRepository, String, Path, String)}, with {@code exports} (the finding exports, when
     * not null) written on a third thread beside the workbook and the csv files: after them it added its whole time to
     * the step (52 s at 800 accounts), beside them the two cores share it.
     */
    public ReportBundle generate(StagingRepository repository, String runId, Path folder, String ruleCatalogVersion,
                                 MoreFiles exports) {
        ReportSource source = new ReportSource(repository, runId, tables);
        ReportContext context = source.context(clock.instant(), ReportContext.currentToolVersion(),
                ruleCatalogVersion);
        Supplier<Timed<List<ReportFile>>> csvAndProposals = () -> Timed.of(() -> {
            // the proposal files are written from the recommendations the Least privilege csv reads
            ProposalFilesWriter proposalFiles = new ProposalFilesWriter();
            List<ReportFile> proposals = new ArrayList<>();
            List<ReportFile> csv = new CsvReportWriter(csvBom).write(source.allTables(
                    row -> proposals.addAll(proposalFiles.write(row.recommendation(), repository, runId, folder))),
                    folder);
            List<ReportFile> both = new ArrayList<>(csv);
            both.addAll(proposals);
            return both;
        }, files -> files.stream().filter(f -> f.name().startsWith(CsvReportWriter.FOLDER + "/"))
                .mapToLong(ReportFile::rows).sum());
        Supplier<Timed<List<ReportFile>>> exportFiles = exports == null ? null
                : () -> Timed.of(() -> exports.write(context, folder),
                        files -> files.isEmpty() ? 0 : files.get(0).rows());
        Supplier<Timed<ReportFile>> workbookWriter = () -> Timed.of(() -> new XlsxReportWriter(template, limits)
                .write(source, context, folder.resolve(XlsxReportWriter.fileName(runId))), ReportFile::rows);

        Timed<ReportFile> workbook;
        Timed<List<ReportFile>> others;
        Timed<List<ReportFile>> exported = null;
        if (concurrent) {
            CompletableFuture<Timed<List<ReportFile>>> side = CompletableFuture.supplyAsync(csvAndProposals,
                    runnable -> startThread("report-csv-" + runId, runnable));
            CompletableFuture<Timed<List<ReportFile>>> third = exportFiles == null ? null
                    : CompletableFuture.supplyAsync(exportFiles, runnable -> startThread("report-exports-" + runId,
                            runnable));
            try {
                workbook = workbookWriter.get();
            } catch (RuntimeException | Error e) {
                // nothing may still write into the folder once generate has given up on it
                awaitQuietly(side);
                awaitQuietly(third);
                throw e;
            }
            try {
                others = join(side);
            } catch (RuntimeException | Error e) {
                awaitQuietly(third);
                throw e;
            }
            exported = third == null ? null : join(third);
        } else {
            workbook = workbookWriter.get();
            others = csvAndProposals.get();
            exported = exportFiles == null ? null : exportFiles.get();
        }

        List<ReportFile> files = new ArrayList<>();
        files.add(workbook.value());
        files.addAll(others.value());
        WriterTiming exportsTiming = WriterTiming.NONE;
        if (exported != null) {
            files.addAll(exported.value());
            exportsTiming = exported.timing();
        }
        WriterTiming workbookTiming = workbook.timing();
        WriterTiming csvTiming = others.timing();
        // one line with the writers' figures for operators; scripts/bench reads the same from the step context. The
        // csv time includes the proposal files written on the same thread
        log.info("run {}: report writers: workbook {} rows in {} ms ({} rows/s), csv {} rows in {} ms ({} rows/s),"
                        + " exports {} findings in {} ms",
                runId, workbookTiming.rows(), workbookTiming.wallNanos() / 1_000_000, workbookTiming.rowsPerSecond(),
                csvTiming.rows(), csvTiming.wallNanos() / 1_000_000, csvTiming.rowsPerSecond(),
                exportsTiming.rows(), exportsTiming.wallNanos() / 1_000_000);
        return new ReportBundle(context, folder, files, new ReportTimings(workbookTiming, csvTiming, exportsTiming));
    }

    /** More files of the run written from the staging store into its folder (the finding exports). */
    @FunctionalInterface
    public interface MoreFiles {
        /** @return the files written, the first one's rows counted as the writer's rows */
        List<ReportFile> write(ReportContext context, Path folder);
    }

    /** A writer's files and its timing, taken on the thread that wrote them (thread CPU time is per thread). */
    private record Timed<T>(T value, WriterTiming timing) {
        static <T> Timed<T> of(Supplier<T> work, java.util.function.ToLongFunction<T> rows) {
            WriterTiming.Stopwatch watch = WriterTiming.start();
            T value = work.get();
            return new Timed<>(value, watch.stop(rows.applyAsLong(value)));
        }
    }

    private static void startThread(String name, Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void awaitQuietly(CompletableFuture<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.join();
        } catch (RuntimeException ignored) {
            // the workbook's failure is the one reported
        }
    }
}
