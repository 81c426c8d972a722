package io.iamaudit.report;

import io.iamaudit.testsupport.Peer;
import io.iamaudit.testsupport.RequiresPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A second, independent reader: LibreOffice must open the workbook and render it to PDF. LibreOffice is required
 * (CI installs it); its absence fails the test with a clear message rather than skipping it.
 */
@RequiresPeers(Peer.LIBREOFFICE)
class LibreOfficeConversionTest {
    private static final long TIMEOUT_SECONDS = 180;

    @Test
    void theWorkbookConvertsToANonEmptyPdf(@TempDir Path dir) throws Exception {
        ReportFixtures.generate(SampleRun.repository(), dir);
        Path xlsx = dir.resolve(XlsxReportWriter.fileName(SampleRun.RUN_ID));
        Path out = Files.createDirectory(dir.resolve("pdf"));
        // A private profile: parallel LibreOffice runs sharing ~/.config/libreoffice block each other.
        String profile = dir.resolve("lo-profile").toUri().toString();
        Path log = dir.resolve("libreoffice.log");
        Process process;
        try {
            process = new ProcessBuilder(List.of("libreoffice", "-env:UserInstallation=" + profile, "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", out.toString(), xlsx.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            fail("libreoffice is required on PATH for this test (CI installs it: apt-get install libreoffice-calc)", e);
            return;
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("libreoffice did not finish within " + TIMEOUT_SECONDS + " s: " + read(log));
        }
        assertThat(process.exitValue()).as(read(log)).isZero();
        Path pdf = out.resolve(xlsx.getFileName().toString().replace(".xlsx", ".pdf"));
        assertThat(pdf).as(read(log)).isRegularFile();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }
}
