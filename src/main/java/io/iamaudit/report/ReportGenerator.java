package io.iamaudit.report;

import io.iamaudit.stage.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Writes the workbook and the csv files of one staged run into a local folder, ready to publish. */
public final class ReportGenerator {
    private static final Logger log = LoggerFactory.getLogger(ReportGenerator.class);

    private final ReportTemplate template;
    private final ReportTables tables;
    private final WorkbookLimits limits;
    private final Clock clock;
    private final boolean csvBom;

    public ReportGenerator(ReportTemplate template, WorkbookLimits limits, Clock clock) {
        this(template, limits, clock, true);
    }

    /** @param csvBom whether the csv files start with a UTF-8 byte-order mark (see {@link CsvBom}) */
    public ReportGenerator(ReportTemplate template, WorkbookLimits limits, Clock clock, boolean csvBom) {
        this.csvBom = csvBom;
        this.template = template;
        this.tables = ReportTables.bind(template);
        this.limits = limits;
        this.clock = clock;
    }

    public ReportGenerator(ReportTemplate template) {
        this(template, WorkbookLimits.excel(), Clock.systemUTC());
    }

    public ReportBundle generate(StagingRepository repository, String runId, Path folder, String ruleCatalogVersion) {
        ReportSource source = new ReportSource(repository, runId, tables);
        ReportContext context = source.context(clock.instant(), ReportContext.currentToolVersion(),
                ruleCatalogVersion);
        List<ReportFile> files = new ArrayList<>();
        WriterTiming.Stopwatch watch = WriterTiming.start();
        ReportFile workbook = new XlsxReportWriter(template, limits).write(source, context,
                folder.resolve(XlsxReportWriter.fileName(runId)));
        WriterTiming workbookTiming = watch.stop(workbook.rows());
        files.add(workbook);
        watch = WriterTiming.start();
        List<ReportFile> csv = new CsvReportWriter(csvBom).write(source.allTables(), folder);
        WriterTiming csvTiming = watch.stop(csv.stream().mapToLong(ReportFile::rows).sum());
        files.addAll(csv);
        files.addAll(new ProposalFilesWriter().write(repository, runId, folder));
        // one line with both writers' figures for operators; scripts/bench reads the same from the step context
        log.info("run {}: report writers: workbook {} rows in {} ms ({} rows/s), csv {} rows in {} ms ({} rows/s)",
                runId, workbookTiming.rows(), workbookTiming.wallNanos() / 1_000_000, workbookTiming.rowsPerSecond(),
                csvTiming.rows(), csvTiming.wallNanos() / 1_000_000, csvTiming.rowsPerSecond());
        return new ReportBundle(context, folder, files, new ReportTimings(workbookTiming, csvTiming));
    }
}
