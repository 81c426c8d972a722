package io.iamaudit.report;

import io.iamaudit.stage.StagingRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Writes the workbook and the csv files of one staged run into a local folder, ready to publish. */
public final class ReportGenerator {
    private final ReportTemplate template;
    private final ReportTables tables;
    private final WorkbookLimits limits;
    private final Clock clock;

    public ReportGenerator(ReportTemplate template, WorkbookLimits limits, Clock clock) {
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
        files.add(new XlsxReportWriter(template, limits).write(source, context,
                folder.resolve(XlsxReportWriter.fileName(runId))));
        files.addAll(new CsvReportWriter().write(source.allTables(), folder));
        return new ReportBundle(context, folder, files);
    }
}
