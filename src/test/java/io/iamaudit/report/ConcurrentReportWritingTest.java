package io.iamaudit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workbook and the csv files written on two threads are the files one thread writes one after the other. */
class ConcurrentReportWritingTest {

    private static final ReportGenerator CONCURRENT = new ReportGenerator(ReportFixtures.TEMPLATE,
            WorkbookLimits.excel(), Clock.fixed(ReportFixtures.GENERATED, ZoneOffset.UTC));

    @Test
    void writesTheSameFilesAsTheSequentialPath(@TempDir Path dir) throws IOException {
        InMemoryStagingRepository repo = SampleRun.repository();
        Path concurrentFolder = Files.createDirectory(dir.resolve("concurrent"));
        Path sequentialFolder = Files.createDirectory(dir.resolve("sequential"));

        ReportBundle concurrent = CONCURRENT.generate(repo, SampleRun.RUN_ID, concurrentFolder, "rules");
        ReportBundle sequential = CONCURRENT.sequential().generate(repo, SampleRun.RUN_ID, sequentialFolder, "rules");

        assertThat(concurrent.files()).extracting(ReportFile::name)
                .containsExactlyElementsOf(sequential.files().stream().map(ReportFile::name).toList());
        assertThat(concurrent.files()).extracting(ReportFile::rows)
                .containsExactlyElementsOf(sequential.files().stream().map(ReportFile::rows).toList());
        assertThat(concurrent.files()).filteredOn(f -> f.name().startsWith("csv/")).isNotEmpty();
        assertThat(concurrent.files()).filteredOn(f -> f.name().startsWith(ProposalFilesWriter.FOLDER + "/"))
                .isNotEmpty();
        for (ReportFile file : concurrent.files()) {
            Path other = sequentialFolder.resolve(file.name());
            if (file.name().endsWith(".xlsx")) {
                // a zip's entries carry their write time; what Excel reads is the entries' content
                Map<String, String> expected = entries(other);
                Map<String, String> actual = entries(file.path());
                assertThat(actual.keySet()).as(file.name()).isEqualTo(expected.keySet());
                actual.forEach((entry, text) -> assertThat(text).as(file.name() + " " + entry)
                        .isEqualTo(expected.get(entry)));
            } else {
                assertThat(Files.readAllBytes(file.path())).as(file.name()).isEqualTo(Files.readAllBytes(other));
            }
        }
    }

    @Test
    void moreFilesWrittenOnAThirdThreadAreInTheBundleAsTheSequentialPathWritesThem(@TempDir Path dir)
            throws IOException {
        InMemoryStagingRepository repo = SampleRun.repository();
        Path concurrentFolder = Files.createDirectory(dir.resolve("concurrent"));
        Path sequentialFolder = Files.createDirectory(dir.resolve("sequential"));
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ReportGenerator.MoreFiles findingIds = (context, folder) -> {
            threads.add(Thread.currentThread().getName());
            Path file = folder.resolve("exports/ids.txt");
            try (java.util.stream.Stream<io.iamaudit.stage.Finding> findings = repo.findingsBySeverity(context.runId())) {
                List<String> ids = findings.map(io.iamaudit.stage.Finding::findingId).toList();
                Files.createDirectories(file.getParent());
                Files.write(file, ids);
                return List.of(new ReportFile("exports/ids.txt", file, ids.size(), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        ReportBundle concurrent = CONCURRENT.generate(repo, SampleRun.RUN_ID, concurrentFolder, "rules", findingIds);
        ReportBundle sequential = CONCURRENT.sequential().generate(repo, SampleRun.RUN_ID, sequentialFolder, "rules",
                findingIds);

        assertThat(concurrent.files()).extracting(ReportFile::name)
                .containsExactlyElementsOf(sequential.files().stream().map(ReportFile::name).toList())
                .endsWith("exports/ids.txt");
        assertThat(Files.readAllBytes(concurrentFolder.resolve("exports/ids.txt")))
                .isEqualTo(Files.readAllBytes(sequentialFolder.resolve("exports/ids.txt")));
        assertThat(concurrent.timings().exports().rows()).isEqualTo(repo.findings(SampleRun.RUN_ID).count())
                .isPositive();
        assertThat(threads).anyMatch(name -> name.startsWith("report-exports-")).contains(
                Thread.currentThread().getName());
    }

    @Test
    void aFailureOfTheThirdWriterFailsTheReport(@TempDir Path dir) {
        ReportGenerator.MoreFiles failing = (context, folder) -> {
            throw new UncheckedIOException(new IOException("cannot write the exports"));
        };

        assertThatThrownBy(() -> CONCURRENT.generate(SampleRun.repository(), SampleRun.RUN_ID, dir, "rules", failing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot write the exports");
    }

    @Test
    void proposalFilesWrittenFromTheCsvsRecommendationsAreTheOnesTheirOwnPassOverTheStoreWrites(@TempDir Path dir)
            throws IOException {
        InMemoryStagingRepository repo = SampleRun.repository();
        Path reportFolder = Files.createDirectory(dir.resolve("report"));
        Path ownFolder = Files.createDirectory(dir.resolve("own"));

        ReportBundle bundle = CONCURRENT.generate(repo, SampleRun.RUN_ID, reportFolder, "rules");
        List<ReportFile> own = new ProposalFilesWriter().write(repo, SampleRun.RUN_ID, ownFolder);

        List<ReportFile> fromReport = bundle.files().stream()
                .filter(f -> f.name().startsWith(ProposalFilesWriter.FOLDER + "/")).toList();
        assertThat(own).isNotEmpty();
        assertThat(fromReport).extracting(ReportFile::name)
                .containsExactlyElementsOf(own.stream().map(ReportFile::name).toList());
        for (ReportFile file : own) {
            assertThat(Files.readAllBytes(reportFolder.resolve(file.name()))).as(file.name())
                    .isEqualTo(Files.readAllBytes(file.path()));
        }
    }

    @Test
    void aCsvFailureFailsTheReport(@TempDir Path dir) throws IOException {
        // a file where the csv folder goes: the csv thread cannot write, the workbook thread can
        Files.writeString(dir.resolve(CsvReportWriter.FOLDER), "in the way");

        assertThatThrownBy(() -> CONCURRENT.generate(SampleRun.repository(), SampleRun.RUN_ID, dir, "rules"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot create");
    }

    private static Map<String, String> entries(Path xlsx) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    // POI stamps the document properties with the wall clock, not the report's clock
                    entries.put(e.getName(),
                            text.replaceAll("<dcterms:(created|modified)([^>]*)>[^<]*<", "<dcterms:$1$2><"));
                }
            }
        }
        assertThat(entries).as("a workbook").containsKey("xl/workbook.xml");
        return entries;
    }
}
