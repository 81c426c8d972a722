package io.iamaudit.reliability;

import com.opencsv.CSVReaderHeaderAware;
import io.iamaudit.publish.LatestPointer;
import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.ManifestFile;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.Sha256;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what a run published to a folder, the way an auditor's tooling would: runs, manifests, latest.json, CSV. */
final class PublishedOutput {

    private final Path root;

    PublishedOutput(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Every visible run folder ({@code runs/yyyy/mm/dd/<run-id>}); hidden partial uploads are not runs. */
    List<Path> runFolders() {
        Path runs = root.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(runs, 4)) {
            return walk.filter(p -> runs.relativize(p).getNameCount() == 4)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path run(String runId) {
        return runFolders().stream().filter(p -> p.getFileName().toString().equals(runId)).findFirst()
                .orElseThrow(() -> new AssertionError("run " + runId + " was not published under " + root));
    }

    Manifest manifest(Path runFolder) {
        return PublishJson.read(read(runFolder.resolve("manifest.json")), Manifest.class);
    }

    LatestPointer latest() {
        return PublishJson.read(read(root.resolve("latest.json")), LatestPointer.class);
    }

    /**
     * Nothing partial is visible: every run folder has a manifest whose files all exist with their SHA-256, and
     * latest.json names a run whose manifest is in place.
     */
    void assertNothingPartial() {
        for (Path run : runFolders()) {
            assertThat(run.resolve("manifest.json")).as("manifest of " + run).isRegularFile();
            Manifest manifest = manifest(run);
            assertThat(manifest.runId()).isEqualTo(run.getFileName().toString());
            assertThat(manifest.files()).as("files of " + run).isNotEmpty();
            for (ManifestFile file : manifest.files()) {
                Path published = run.resolve(file.path());
                assertThat(published).as(file.path()).isRegularFile();
                assertThat(Sha256.hex(published)).as("SHA-256 of " + published).isEqualTo(file.sha256());
            }
        }
        if (Files.exists(root.resolve("latest.json"))) {
            LatestPointer latest = latest();
            assertThat(root.resolve(latest.manifest())).as("latest.json's manifest").isRegularFile();
            assertThat(manifest(root.resolve(latest.runPath())).runId()).isEqualTo(latest.runId());
        }
    }

    /** A CSV table of a run, one map (column header → value) per row. */
    List<Map<String, String>> csv(Path runFolder, String table) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = io.iamaudit.report.CsvBom.skip(Files.newBufferedReader(
                runFolder.resolve("csv").resolve(table + ".csv"), StandardCharsets.UTF_8));
             CSVReaderHeaderAware reader = new CSVReaderHeaderAware(in)) {
            Map<String, String> row;
            while ((row = reader.readMap()) != null) {
                rows.add(new TreeMap<>(row));
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read " + table + ".csv of " + runFolder, e);
        }
        return rows;
    }

    /** account id → coverage status of a published run. */
    Map<String, String> coverageStatuses(Path runFolder) {
        Map<String, String> statuses = new TreeMap<>();
        csv(runFolder, "coverage").forEach(r -> statuses.put(r.get("Account id"), r.get("Status")));
        return statuses;
    }

    /** The findings of a run without what differs between runs of the same organization (run ids, times). */
    List<String> findings(Path runFolder) {
        return csv(runFolder, "findings").stream()
                .map(r -> String.join("|", r.get("Finding id"), r.get("Account id"), r.get("ARN"), r.get("Rule"),
                        r.get("Severity"), r.get("Status"), r.get("Title")))
                .sorted().toList();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
