package io.iamaudit.publish;

import io.iamaudit.report.InMemoryStagingRepository;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportGenerator;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.SampleRun;
import io.iamaudit.report.WorkbookLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Real report bundles of the sample run, under any run id, for publishing tests. */
final class Bundles {
    static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ReportTemplate TEMPLATE = ReportTemplate.loadDefault();

    private Bundles() {
    }

    /**
     * The bundle of {@code runId}, generated once per test JVM (publishing never modifies the local files) so the
     * folder and S3 tests share the cost of writing the workbook.
     */
    static synchronized ReportBundle report(String runId, Instant started) {
        return CACHE.computeIfAbsent(runId, id -> {
            InMemoryStagingRepository repo = new InMemoryStagingRepository();
            SampleRun.fill(repo, id, started);
            return new ReportGenerator(TEMPLATE, WorkbookLimits.excel(), CLOCK)
                    .generate(repo, id, WORK.resolve(id), "rules-2026.11");
        });
    }

    /** The bundle's files copied under {@code folder}, for a test that deletes or changes them. */
    static ReportBundle copyOf(ReportBundle bundle, Path folder) {
        try {
            java.util.List<io.iamaudit.report.ReportFile> files = new java.util.ArrayList<>();
            for (io.iamaudit.report.ReportFile f : bundle.files()) {
                Path copy = folder.resolve(f.name());
                Files.createDirectories(copy.getParent());
                Files.copy(f.path(), copy);
                files.add(new io.iamaudit.report.ReportFile(f.name(), copy, f.rows(), f.sheets()));
            }
            return new ReportBundle(bundle.context(), folder, files, bundle.timings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, ReportBundle> CACHE = new HashMap<>();
    private static final Path WORK = temporaryFolder();

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("iam-audit-bundles-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp folder; the OS cleans it eventually
        }
    }
}
