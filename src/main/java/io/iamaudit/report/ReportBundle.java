package io.iamaudit.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What the report step hands to publishing: the run's files in a local folder (workbook at the top, csv files under
 * {@code csv/}) and the context they describe.
 */
public record ReportBundle(ReportContext context, Path directory, List<ReportFile> files) {
    public ReportBundle {
        files = List.copyOf(files);
    }

    public String runId() {
        return context.runId();
    }
}
