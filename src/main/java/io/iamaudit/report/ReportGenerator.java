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
        long start = System.nanoTime();
        ReportFile workbook = new XlsxReportWriter(template, limits).write(source, context,
                folder.resolve(XlsxReportWriter.fileName(runId)));
        long workbookNanos = System.nanoTime() - start;
        files.add(workbook);
        start = System.nanoTime();
        List<ReportFile> csv = new CsvReportWriter(csvBom).write(source.allTables(), folder);
        long csvNanos = System.nanoTime() - start;
        files.addAll(csv);
        files.addAll(new ProposalFilesWriter().write(repository, runId, folder));
        long csvRows = csv.stream().mapToLong(ReportFile::rows).sum();
        // one line with both writers' figures: operators see where report time goes, scripts/bench parses it
        log.info("run {}: report writers: workbook {} rows in {} ms ({} rows/s), csv {} rows in {} ms ({} rows/s)",
                runId, workbook.rows(), workbookNanos / 1_000_000, perSecond(workbook.rows(), workbookNanos),
                csvRows, csvNanos / 1_000_000, perSecond(csvRows, csvNanos));
        return new ReportBundle(context, folder, files);
    }

    private static long perSecond(long rows, long nanos) {
        return nanos <= 0 ? 0 : Math.round(rows * 1e9 / nanos);
    }
}
