package io.iamaudit.publish;

import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportContext;
import io.iamaudit.report.ReportFile;
import io.iamaudit.stage.AuditRun;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Publishes one run in the only order that never shows a half run: every report file, then {@code manifest.json}
 * (checksums computed from the local files before upload), then the run is committed, and only then
 * {@code latest.json} moves, unless it already points at a run that started later (a restarted old run is published
 * but does not hide the newer one). A failure before the manifest aborts the upload and leaves {@code latest.json}
 * alone.
 */
public final class RunPublisher {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|token|password|credential).*");

    private final Publisher publisher;
    private final Clock clock;

    public RunPublisher(Publisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public PublishedRun publish(ReportBundle bundle) {
        return publish(bundle, () -> { });
    }

    /**
     * @param beforePointer runs after the run's files are complete in the store and before its pointer moves (the
     *                      findings ledger is updated there); if it fails, the pointer stays where it was
     */
    public PublishedRun publish(ReportBundle bundle, Runnable beforePointer) {
        AuditRun run = bundle.context().run();
        String runPath = RunLayout.runPath(run);
        List<ManifestFile> files = ManifestFile.describeAll(bundle.files());
        Manifest manifest = manifest(bundle.context(), files);

        upload(publisher, runPath, bundle.files(), files, manifest);
        beforePointer.run();
        return pointLatest(run, manifest);
    }

    /**
     * Finishes a run that an interrupted attempt already published completely (its manifest, written last, is in
     * the store): nothing is uploaded again, only {@code beforePointer} runs (it must be idempotent) and the pointer
     * is brought up to date.
     */
    public PublishedRun adoptPublished(AuditRun run, Manifest manifest, Runnable beforePointer) {
        beforePointer.run();
        return pointLatest(run, manifest);
    }

    public PublishedRun adoptPublished(AuditRun run, Manifest manifest) {
        return adoptPublished(run, manifest, () -> { });
    }

    private PublishedRun pointLatest(AuditRun run, Manifest manifest) {
        String runPath = RunLayout.runPath(run);
        String pointer = RunLayout.pointerFor(run);
        boolean latest = currentPointer(pointer).map(current -> current.supersededBy(run.startedAt())).orElse(true);
        if (latest) {
            byte[] json = PublishJson.write(new LatestPointer(run.runId(), runPath,
                    runPath + RunLayout.MANIFEST, run.startedAt(), manifest.publishedAt()));
            if (pointer.equals(RunLayout.LATEST)) {
                publisher.replaceLatest(json);
            } else {
                publisher.replacePointer(pointer, json);
            }
        }
        return new PublishedRun(run.runId(), publisher.address(runPath), manifest, latest);
    }

    /**
     * Puts the files, then the manifest, then commits, so readers see a complete folder or none; any failure aborts
     * the upload (a retry can publish again) and is rethrown. Used for nightly runs and quarterly reports alike.
     *
     * @param described the files' manifest entries, in the same order, whose checksums the store verifies
     */
    public static void upload(Publisher publisher, String folder, List<ReportFile> files,
                              List<ManifestFile> described, Manifest manifest) {
        Publisher.RunUpload upload = publisher.startRun(folder);
        try {
            for (int i = 0; i < files.size(); i++) {
                ReportFile file = files.get(i);
                upload.put(RunLayout.checkRelative(file.name()), file.path(), described.get(i).sha256());
            }
            upload.put(RunLayout.MANIFEST, PublishJson.write(manifest));
            upload.commit();
        } catch (RuntimeException e) {
            try {
                upload.abort();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** The current pointer; an unreadable one is treated as absent, so a good run repairs it. */
    private Optional<LatestPointer> currentPointer(String pointer) {
        try {
            return (pointer.equals(RunLayout.LATEST) ? publisher.readLatest() : publisher.readPointer(pointer))
                    .map(json -> PublishJson.read(json, LatestPointer.class));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Manifest manifest(ReportContext context, List<ManifestFile> files) {
        AuditRun run = context.run();
        Map<String, String> parameters = new TreeMap<>();
        run.parameters().forEach((k, v) -> {
            if (!SECRET_NAME.matcher(k).matches()) {
                parameters.put(k, v);
            }
        });
        Instant now = clock.instant();
        return new Manifest(Manifest.SCHEMA, run.runId(), run.kind(), run.organizationId(), run.managementAccountId(),
                run.callerArn(), run.startedAt(), context.generatedAt(), now, context.toolVersion(),
                context.ruleCatalogVersion(), parameters, context.coverageSummary(), files);
    }
}
