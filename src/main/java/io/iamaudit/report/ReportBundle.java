package io.iamaudit.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What the report step hands to publishing: the run's files in a local folder (workbook at the top, csv files under
 * {@code csv/}), the context they describe, and what writing them took.
 */
public record ReportBundle(ReportContext context, Path directory, List<ReportFile> files, ReportTimings timings) {
    public ReportBundle {
        files = List.copyOf(files);
        timings = timings == null ? ReportTimings.NONE : timings;
    }

    public ReportBundle(ReportContext context, Path directory, List<ReportFile> files) {
        this(context, directory, files, ReportTimings.NONE);
    }

    public String runId() {
        return context.runId();
    }
}
