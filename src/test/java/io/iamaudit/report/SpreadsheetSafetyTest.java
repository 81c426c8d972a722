package io.iamaudit.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula injection, key id masking and secret redaction, checked in both formats on a run whose names, tags and
 * evidence carry {@code =HYPERLINK(..)}, {@code +1}, {@code @SUM(A1)}, {@code -2}, a tab, an access key id and a session
 * token.
 */
class SpreadsheetSafetyTest {
    @TempDir
    static Path folder;
    static List<String> xlsxTexts = new ArrayList<>();
    static List<String> csvTexts = new ArrayList<>();
    static List<String> formulas = new ArrayList<>();
    static String rawBytes;

    @BeforeAll
    static void write() throws IOException {
        ReportFixtures.generate(SampleRun.repository(), folder);
        Path xlsx = folder.resolve(XlsxReportWriter.fileName(SampleRun.RUN_ID));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas.add(cell.getCellFormula());
                        }
                        if (cell.getCellType() == CellType.STRING || cell.getCellType() == CellType.FORMULA
                                && cell.getCachedFormulaResultType() == CellType.STRING) {
                            xlsxTexts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        StringBuilder raw = new StringBuilder(unzipped(xlsx));
        try (var files = Files.list(folder.resolve("csv"))) {
            for (Path csv : files.toList()) {
                String text = Files.readString(csv, StandardCharsets.UTF_8);
                raw.append(text);
                try (var reader = new com.opencsv.CSVReader(new java.io.StringReader(CsvBom.strip(text)))) {
                    reader.readAll().forEach(r -> csvTexts.addAll(List.of(r)));
                } catch (com.opencsv.exceptions.CsvException e) {
                    throw new IOException(e);
                }
            }
        }
        rawBytes = raw.toString();
    }

    @Test
    void noCellStartsAFormulaInEitherFormat() {
        for (List<String> texts : List.of(xlsxTexts, csvTexts)) {
            assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
            assertThat(texts).contains("'=HYPERLINK(\"http://x\")");
        }
        assertThat(csvTexts).anySatisfy(t -> assertThat(t).contains("cost-center=+1").contains("owner=@SUM(A1)"));
        assertThat(csvTexts).contains("'-2 days over; aws_session_token=<redacted>");
    }

    @Test
    void theOnlyFormulasAreTheToolsOwnConsoleLinksWithTheLabelAsALiteral() {
        assertThat(formulas).isNotEmpty().allSatisfy(f -> assertThat(f)
                .matches("HYPERLINK\\(\"https://console\\.aws\\.amazon\\.com/iam/home#/([a-z]+/details/[^\"]+|home)\",\"([^\"]|\"\")*\"\\)"));
        assertThat(formulas).contains("HYPERLINK(\"https://console.aws.amazon.com/iam/home#/users/details/"
                + "%3DHYPERLINK%28%22http%3A%2F%2Fx%22%29\",\"'=HYPERLINK(\"\"http://x\"\")\")");
    }

    @Test
    void accessKeyIdsShowOnlyTheirLastFourCharacters() {
        assertThat(rawBytes).doesNotContain(SampleRun.KEY_ID).doesNotContain("AKIAIOSFODNN7");
        assertThat(xlsxTexts).contains("\u2026MPLE");
        assertThat(csvTexts).contains("\u2026MPLE");
        assertThat(csvTexts).anySatisfy(t -> assertThat(t).contains("access key \u2026MPLE active"));
    }

    @Test
    void noSessionTokenAnywhere() {
        assertThat(rawBytes).doesNotContain(SampleRun.SESSION_TOKEN).doesNotContain("FwoGZXIvYXdz");
    }

    /** Every XML part of the workbook, so nothing hides in shared strings, properties or comments. */
    private static String unzipped(Path xlsx) throws IOException {
        StringBuilder all = new StringBuilder();
        // ZipFile reads the central directory; ZipInputStream trips over the data descriptors POI writes.
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }
}
