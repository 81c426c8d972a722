package io.iamaudit.job;

import io.iamaudit.publish.PublishJson;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportContext;
import io.iamaudit.report.ReportFile;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the report step hands to the publish step, through the job execution context rather than a field of a
 * singleton: the folder and its files, and how the report described the run. The list itself is a file beside the
 * folder and the context holds its path; the run and its coverage are read back from the staging store, so the
 * context stays a few hundred bytes whatever the organization's size.
 *
 * @param files the report files in the order they are published
 */
record WrittenReports(String runId, String folder, Instant generatedAt, String toolVersion,
                      String ruleCatalogVersion, List<File> files) {

    /** The job execution context key; a restarted job writes the reports again before it publishes. */
    static final String KEY = "writtenReports";

    WrittenReports {
        files = List.copyOf(files);
    }

    record File(String name, String path, long rows, Map<String, Long> sheets) {
    }

    static WrittenReports of(ReportBundle bundle) {
        ReportContext c = bundle.context();
        List<File> files = bundle.files().stream()
                .map(f -> new File(f.name(), f.path().toString(), f.rows(), f.sheets())).toList();
        return new WrittenReports(bundle.runId(), bundle.directory().toString(), c.generatedAt(), c.toolVersion(),
                c.ruleCatalogVersion(), files);
    }

    /**
     * Writes the list beside the report folder and puts only its path into the context: a large organization's
     * proposal files (187,255 at 800 generated accounts) made the list hundreds of megabytes, more than the job
     * repository can store as a context, and the run failed after publishing.
     */
    void putInto(ExecutionContext context) {
        Path list = listFile(Path.of(folder), runId);
        try {
            Files.write(list, PublishJson.write(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report list " + list, e);
        }
        context.putString(KEY, list.toString());
    }

    static WrittenReports from(ExecutionContext context) {
        if (!context.containsKey(KEY)) {
            throw new IllegalStateException("the report step handed no reports to publish");
        }
        Path list = Path.of(context.getString(KEY));
        try {
            return PublishJson.read(Files.readAllBytes(list), WrittenReports.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the report step's list " + list + " is unreadable", e);
        }
    }

    /** Beside the report folder, not in it: the folder is what gets published, file by file from this list. */
    static Path listFile(Path reportFolder, String runId) {
        return reportFolder.resolveSibling(runId + ".written-reports.json");
    }

    /** The bundle the report step wrote, its context rebuilt from the staging store. */
    ReportBundle bundle(StagingRepository staging) {
        ReportContext context = new ReportContext(
                staging.run(runId).orElseThrow(() -> new IllegalStateException("no staged run " + runId)),
                staging.accounts(runId).size(), staging.coverage(runId), generatedAt, toolVersion, ruleCatalogVersion);
        return new ReportBundle(context, Path.of(folder), files.stream()
                .map(f -> new ReportFile(f.name(), Path.of(f.path()), f.rows(), f.sheets())).toList());
    }
}
