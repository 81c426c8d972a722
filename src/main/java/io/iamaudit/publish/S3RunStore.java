package io.iamaudit.publish;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store under an S3 prefix. Listing walks the month prefixes of the period with the SDK's paginator; a run folder
 * is complete when its {@code manifest.json} object exists (S3 has no rename, the manifest is put last).
 */
final class S3RunStore implements RunStore {
    private final S3Client s3;
    private final OutputLocation.S3 location;

    S3RunStore(S3Client s3, OutputLocation.S3 location) {
        this.s3 = s3;
        this.location = location;
    }

    @Override
    public List<RunFolder> runs(LocalDate from, LocalDate to) {
        Map<String, RunFolder> runs = new LinkedHashMap<>();
        for (String month : RunPaths.monthPrefixes(from, to)) {
            collect(month, f -> !f.day().isBefore(from) && !f.day().isAfter(to), runs);
        }
        return sorted(runs);
    }

    @Override
    public List<RunFolder> allRuns() {
        Map<String, RunFolder> runs = new LinkedHashMap<>();
        collect(RunPaths.RUNS, f -> true, runs);
        return sorted(runs);
    }

    /** Adds the run folders of the objects under {@code prefix}; a folder counts as complete once its manifest is seen. */
    private void collect(String prefix, java.util.function.Predicate<RunFolder> keep, Map<String, RunFolder> runs) {
        String base = location.key("");
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(location.bucket())
                .prefix(location.key(prefix))).contents()) {
            String relative = object.key().substring(base.length());
            RunPaths.folderOf(relative, false)
                    .filter(keep)
                    .map(f -> relative.equals(f.file(RunLayout.MANIFEST))
                            ? new RunFolder(f.path(), f.day(), f.runId(), true) : f)
                    .ifPresent(f -> runs.merge(f.path(), f, (a, b) -> a.hasManifest() ? a : b));
        }
    }

    private static List<RunFolder> sorted(Map<String, RunFolder> runs) {
        return runs.values().stream()
                .sorted(Comparator.comparing(RunFolder::day).thenComparing(RunFolder::runId))
                .toList();
    }

    @Override
    public InputStream open(String relative) {
        return s3.getObject(r -> r.bucket(location.bucket()).key(location.key(relative)));
    }

    @Override
    public Path fetch(String relative, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path file = Files.createTempFile(scratch, "run-", ".part");
            try (InputStream in = open(relative)) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + address(relative), e);
        }
    }

    @Override
    public boolean exists(String prefix) {
        return !s3.listObjectsV2(r -> r.bucket(location.bucket()).prefix(location.key(prefix)).maxKeys(1))
                .contents().isEmpty();
    }

    @Override
    public String address(String relative) {
        return "s3://" + location.bucket() + "/" + location.key(relative);
    }
}
