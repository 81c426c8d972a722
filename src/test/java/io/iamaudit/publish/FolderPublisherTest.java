package io.iamaudit.publish;

import io.iamaudit.report.ReportBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderPublisherTest {
    static ReportBundle monday;
    static ReportBundle tuesday;

    @BeforeAll
    static void reports() {
        monday = Bundles.report("run-monday", Instant.parse("2026-11-23T21:00:00Z"));
        tuesday = Bundles.report("run-tuesday", Instant.parse("2026-11-24T21:00:00Z"));
    }

    @Test
    void publishesTheLayoutWithAManifestThatMatchesEveryFile(@TempDir Path out) throws IOException {
        PublishedRun published = new RunPublisher(new FolderPublisher(out), Bundles.CLOCK).publish(monday);

        Path run = out.resolve("runs/2026/11/23/run-monday");
        assertThat(published.location()).isEqualTo(run.toString());
        assertThat(run.resolve("iam-audit-run-monday.xlsx")).isRegularFile();
        assertThat(run.resolve("csv/findings.csv")).isRegularFile();
        Manifest manifest = PublishJson.read(Files.readAllBytes(run.resolve("manifest.json")), Manifest.class);
        assertThat(manifest.runId()).isEqualTo("run-monday");
        assertThat(manifest.ruleCatalogVersion()).isEqualTo("rules-2026.11");
        assertThat(manifest.coverage().audited()).isEqualTo(2);
        assertThat(manifest.parameters()).containsEntry("roleName", "IamAuditRole");
        // workbook, 8 csv files (secrets.csv among them), the control matrix csv, and per changed proposal its
        // proposed and original documents and apply note
        assertThat(manifest.files()).hasSize(10 + 6);
        assertThat(manifest.files()).extracting(ManifestFile::path)
                .contains("least-privilege/111111111111/role/deploy-bot/AmazonS3FullAccess.json",
                        "least-privilege/111111111111/role/deploy-bot/AmazonS3FullAccess.original.json");
        for (ManifestFile file : manifest.files()) {
            Path published1 = run.resolve(file.path());
            assertThat(Sha256.hex(published1)).as(file.path()).isEqualTo(file.sha256());
            assertThat(Files.size(published1)).isEqualTo(file.bytes());
        }
        assertThat(manifest.files().get(0).sheets()).containsEntry("Findings", 6L);
        ManifestFile findings = manifest.files().stream().filter(f -> f.path().equals("csv/findings.csv"))
                .findFirst().orElseThrow();
        assertThat(findings.rows()).isEqualTo(6);
        try (Stream<Path> files = Files.walk(run)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(manifest.files().size() + 1);
        }
        LatestPointer latest = PublishJson.read(Files.readAllBytes(out.resolve("latest.json")), LatestPointer.class);
        assertThat(latest.runPath()).isEqualTo("runs/2026/11/23/run-monday/");
        assertThat(out.resolve(latest.manifest())).isRegularFile();
        assertThat(leftovers(out)).isEmpty();
    }

    @Test
    void publishedFilesKeepTheirBytesWhenTheLocalReportFolderIsDeleted(@TempDir Path local, @TempDir Path out)
            throws IOException {
        // a bundle of its own (the shared ones must outlive this test), in a local folder the job deletes after
        // publishing; the folder store links the files rather than copying them
        ReportBundle bundle = Bundles.copyOf(monday, local.resolve("work"));
        PublishedRun published = new RunPublisher(new FolderPublisher(out), Bundles.CLOCK).publish(bundle);
        org.springframework.util.FileSystemUtils.deleteRecursively(local.resolve("work"));

        Path run = Path.of(published.location());
        assertThat(published.manifest().files()).hasSize(bundle.files().size());
        for (ManifestFile file : published.manifest().files()) {
            assertThat(Sha256.hex(run.resolve(file.path()))).as(file.path()).isEqualTo(file.sha256());
        }
        assertThat(published.manifest().files()).extracting(ManifestFile::path)
                .isEqualTo(bundle.files().stream().map(io.iamaudit.report.ReportFile::name).toList());
    }

    @Test
    void refusesToOverwriteAPublishedRun(@TempDir Path out) throws IOException {
        RunPublisher publisher = new RunPublisher(new FolderPublisher(out), Bundles.CLOCK);
        publisher.publish(monday);
        byte[] manifestBefore = Files.readAllBytes(out.resolve("runs/2026/11/23/run-monday/manifest.json"));

        assertThatThrownBy(() -> publisher.publish(monday)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Files.readAllBytes(out.resolve("runs/2026/11/23/run-monday/manifest.json")))
                .isEqualTo(manifestBefore);
    }

    @Test
    void aFailureMidPublishLeavesLatestOnThePreviousCompleteRun(@TempDir Path out) throws IOException {
        new RunPublisher(new FolderPublisher(out), Bundles.CLOCK).publish(monday);
        byte[] latestBefore = Files.readAllBytes(out.resolve("latest.json"));

        RunPublisher failing = new RunPublisher(new FailingPublisher(new FolderPublisher(out), 2), Bundles.CLOCK);
        assertThatThrownBy(() -> failing.publish(tuesday)).hasMessageContaining("injected failure");

        assertThat(Files.readAllBytes(out.resolve("latest.json"))).isEqualTo(latestBefore);
        assertThat(out.resolve("runs/2026/11/24/run-tuesday")).doesNotExist();
        assertThat(leftovers(out)).as("the partial folder is removed").isEmpty();
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("manifest.json")).toList())
                    .containsExactly(out.resolve("runs/2026/11/23/run-monday/manifest.json"));
        }

        new RunPublisher(new FolderPublisher(out), Bundles.CLOCK).publish(tuesday);
        assertThat(PublishJson.read(Files.readAllBytes(out.resolve("latest.json")), LatestPointer.class).runId())
                .as("a retry after the failure publishes").isEqualTo("run-tuesday");
    }

    @Test
    void aRestartedOlderRunIsPublishedButLatestKeepsTheNewerRun(@TempDir Path out) throws IOException {
        RunPublisher publisher = new RunPublisher(new FolderPublisher(out), Bundles.CLOCK);
        assertThat(publisher.publish(tuesday).latest()).isTrue();

        PublishedRun older = publisher.publish(monday);

        assertThat(older.latest()).isFalse();
        assertThat(out.resolve("runs/2026/11/23/run-monday/manifest.json")).isRegularFile();
        LatestPointer latest = PublishJson.read(Files.readAllBytes(out.resolve("latest.json")), LatestPointer.class);
        assertThat(latest.runId()).isEqualTo("run-tuesday");
        assertThat(latest.startedAt()).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
    }

    @Test
    void anUnreadableLatestIsRepairedByTheNextRun(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("latest.json"), "{not json");
        new RunPublisher(new FolderPublisher(out), Bundles.CLOCK).publish(monday);
        assertThat(PublishJson.read(Files.readAllBytes(out.resolve("latest.json")), LatestPointer.class).runId())
                .isEqualTo("run-monday");
    }

    private static List<Path> leftovers(Path out) throws IOException {
        try (Stream<Path> all = Files.walk(out)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
