package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.publish.ManifestFile;
import io.iamaudit.report.CsvDialect;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, tags, descriptions and policy text written to attack whoever opens the reports: formulas, leading signs and
 * tabs, IAM's longest names, Unicode. In the published CSV and XLSX (read back with OpenCSV and POI) no cell starts a
 * formula, no cell is a formula, and the hostile text is still there, quoted, for the auditor to read.
 */
class HostileContentIT {

    private static final String HOSTILE_ACCOUNT = "100000000003";
    private static final String LONG_NAME = "u".repeat(60) + "-64c";
    private static final String UNICODE = "Zürich – 東京 – ☃ – 🙂";
    private static final String TRIGGERS = "=+-@\t\r";

    @TempDir
    Path home;

    @Test
    void hostileTextIsPublishedAsInertTextInCsvAndXlsx() throws Exception {
        // given
        Path scenario = TestScenarios.write(home, "hostile.yaml",
                TestScenarios.fidelityWithAccounts(hostileAccount()));

        // when
        JarProcess.Result result = new JarProcess(home).run("org-audit", "--sandbox", scenario.toString(),
                "--output", "file:" + home.resolve("out"));

        // then
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.COMPLETE);
        PublishedOutput out = new PublishedOutput(home.resolve("out"));
        Path run = out.runFolders().get(0);
        List<String> csvCells = new ArrayList<>();
        List<String> xlsxCells = new ArrayList<>();
        for (ManifestFile file : out.manifest(run).files()) {
            if (file.path().endsWith(".csv")) {
                csvCells.addAll(csvCells(run.resolve(file.path())));
            } else if (file.path().endsWith(".xlsx")) {
                xlsxCells.addAll(xlsxCells(run.resolve(file.path())));
            }
        }
        for (List<String> cells : List.of(csvCells, xlsxCells)) {
            assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.isEmpty() || TRIGGERS.indexOf(c.charAt(0)) < 0)
                    .as("cell starts a formula: %s", c).isTrue());
            // the hostile content reached the reports, neutralised but readable
            assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("'=1+2"));
            assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("'+1"));
            assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("'-2"));
            assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("'@SUM"));
            assertThat(cells).anySatisfy(c -> assertThat(c).contains("=HYPERLINK(\"http://x\")"));
            assertThat(cells).anySatisfy(c -> assertThat(c).contains(UNICODE));
            assertThat(cells).anySatisfy(c -> assertThat(c).isEqualTo(LONG_NAME));
            // the narrowed policy proposed for the role is JSON text, its hostile resource and condition included
            assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("[{").contains("arn:aws:s3:::=cmd/*")
                    .contains("=HYPERLINK").contains("s3:GetObject").doesNotContain("s3:PutObject"));
        }
    }

    /** IAM-valid names that start formulas, tags and descriptions with formulas, tabs and Unicode, hostile policy text. */
    private static String hostileAccount() {
        String policy = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Hostile\",\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::=cmd/*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:PrincipalTag/x\":\"=HYPERLINK(\\\"http://x\\\")\"}}}]}'";
        String tags = "{formula: '=HYPERLINK(\"http://x\")', plus: '+1', tab: \"\\tleading tab\", city: '" + UNICODE + "'}";
        return "  - id: \"" + HOSTILE_ACCOUNT + "\"\n"
                + "    name: hostile\n"
                + "    ou: Workloads\n"
                + "    tags: " + tags + "\n"
                + "    users:\n"
                + "      - {name: '=1+2', password: {lastUsedDaysAgo: 1}, tags: " + tags + ", attachedPolicies: [hostile-policy]}\n"
                + "      - {name: '+1', accessKeys: [{createdDaysAgo: 400}], inlinePolicies: {'@SUM': " + policy + "}}\n"
                + "      - {name: '-2', password: {}, tags: {note: '" + UNICODE + "'}}\n"
                + "      - {name: '@SUM', password: {lastUsedDaysAgo: 200}}\n"
                + "      - {name: " + LONG_NAME + ", password: {lastUsedDaysAgo: 100}, attachedPolicies: [AdministratorAccess]}\n"
                + "    roles:\n"
                + "      - name: '=HYPERLINK-role'\n"
                + "        description: \"\\t=HYPERLINK(\\\"http://x\\\") " + UNICODE + "\"\n"
                + "        trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS: \"arn:aws:iam::999988887777:root\"}, Action: \"sts:AssumeRole\"}]}\n"
                + "        attachedPolicies: [hostile-policy]\n"
                + "        tags: " + tags + "\n"
                + "        lastUsedDaysAgo: 1\n"
                + "        lastAccessed: {s3: {daysAgo: 1, actions: {GetObject: 1}}}\n"
                + "    policies:\n"
                + "      - name: hostile-policy\n"
                + "        description: '@SUM(A1) " + UNICODE + "'\n"
                + "        document: " + policy + "\n";
    }

    private static List<String> csvCells(Path file) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvDialect.In csv = CsvDialect.reader(in)) {
            for (String[] row = csv.read(); row != null; row = csv.read()) {
                cells.addAll(List.of(row));
            }
        }
        return cells;
    }

    private static final java.util.regex.Pattern CONSOLE_LINK = java.util.regex.Pattern.compile(
            "HYPERLINK\\(\"https://console\\.aws\\.amazon\\.com/[^\"]*\",\"(?:[^\"]|\"\")*\"\\)");

    private static List<String> xlsxCells(Path file) throws Exception {
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            // the only formulas are the tool's own console links, the name inside a quoted string
                            assertThat(cell.getCellFormula()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                    .matches(CONSOLE_LINK);
                            cells.add(cell.getStringCellValue()); // the cached result: the (neutralised) name shown
                            continue;
                        }
                        if (cell.getCellType() == CellType.STRING) {
                            cells.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return cells;
    }
}
