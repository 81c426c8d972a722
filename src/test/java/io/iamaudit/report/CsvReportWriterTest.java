package io.iamaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.iamaudit.stage.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses the csv files back and compares them with the staged rows. */
class CsvReportWriterTest {
    @TempDir
    static Path folder;
    static InMemoryStagingRepository repo;
    static ReportBundle bundle;

    @BeforeAll
    static void write() {
        repo = SampleRun.repository();
        bundle = ReportFixtures.generate(repo, folder);
    }

    @Test
    void oneFilePerTableWithTheSheetsColumns() throws Exception {
        for (TableSpec table : ReportFixtures.TEMPLATE.tables()) {
            List<String[]> rows = read(table.csv());
            assertThat(rows.get(0)).as(table.csv())
                    .containsExactlyElementsOf(table.columns().stream().map(ColumnSpec::header).toList());
            ReportFile file = bundle.files().stream().filter(f -> f.name().equals("csv/" + table.csv()))
                    .findFirst().orElseThrow();
            assertThat(file.rows()).isEqualTo(rows.size() - 1);
        }
        assertThat(bundle.files()).filteredOn(f -> !f.name().startsWith(ProposalFilesWriter.FOLDER + "/"))
                .as("the workbook, one csv per template table and the control matrix")
                .hasSize(1 + ReportFixtures.TEMPLATE.tables().size() + 1);
        // and per changed proposal: proposed, original, apply note (two sample proposals)
        assertThat(bundle.files()).filteredOn(f -> f.name().startsWith(ProposalFilesWriter.FOLDER + "/")).hasSize(6);
    }

    @Test
    void findingsParseBackToTheSourceRows() throws Exception {
        List<String[]> rows = read("findings.csv");
        List<String> headers = List.of(rows.get(0));
        int id = headers.indexOf("Finding id");
        Map<String, String[]> byId = rows.stream().skip(1).collect(Collectors.toMap(r -> r[id], Function.identity()));
        List<Finding> source;
        try (Stream<Finding> findings = repo.findings(SampleRun.RUN_ID)) {
            source = findings.toList();
        }
        assertThat(byId).hasSameSizeAs(source);
        for (Finding f : source) {
            String[] row = byId.get(f.findingId());
            assertThat(row).as(f.findingId()).isNotNull();
            assertThat(row[headers.indexOf("Account id")]).isEqualTo(f.accountId());
            assertThat(row[headers.indexOf("Rule")]).isEqualTo(f.ruleId());
            assertThat(row[headers.indexOf("Severity")]).isEqualTo(f.severity().name());
            assertThat(row[headers.indexOf("Status")]).isEqualTo(f.status().name());
            assertThat(row[headers.indexOf("Best practice")]).isEqualTo(String.join("; ", f.wellArchitected()));
            assertThat(row[headers.indexOf("First seen (UTC)")]).isEqualTo(f.firstSeen().toString());
            assertThat(row[headers.indexOf("Decision")]).isEmpty();
        }
        String[] excepted = byId.get("fd-exc-1");
        assertThat(excepted[headers.indexOf("Exception expiry")]).isEqualTo("2027-03-31");
        assertThat(excepted[headers.indexOf("Exception owner")]).isEqualTo("secops@example.com");
    }

    @Test
    void timestampsAreIsoUtcAndNumbersPlain() throws Exception {
        List<String[]> rows = read("least-privilege.csv");
        List<String> headers = List.of(rows.get(0));
        String[] first = rows.get(1);
        assertThat(first[headers.indexOf("Last used (UTC)")]).isEqualTo("2026-11-27T23:00:00Z");
        assertThat(first[headers.indexOf("Granted actions")]).isEqualTo("120");
        assertThat(first[headers.indexOf("Reduction")]).isEqualTo("93.3");
        JsonNode proposals = new ObjectMapper().readTree(first[headers.indexOf("Proposed policies (JSON)")]);
        assertThat(proposals.get(0).get("proposedDocument").get("Statement").get(0).get("Action").get(0).asText())
                .isEqualTo("s3:GetObject");
        assertThat(first[headers.indexOf("Removed permissions and evidence")])
                .isEqualTo("s3:DeleteBucket \u2014 not used in 400 days (Access Advisor)");
    }

    @Test
    void filesAreUtf8WithRfc4180LineEnds() throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve("csv/least-privilege.csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\u2014");
        assertThat(java.util.Arrays.copyOf(bytes, 4)).as("UTF-8 byte-order mark, then the first header")
                .containsExactly(0xEF, 0xBB, 0xBF, 'A');
        String headerLine = text.substring(0, text.indexOf('\n') + 1);
        assertThat(headerLine).endsWith("\r\n");
        assertThat(text).contains("\"[{\"\"policyName\"\":");
    }

    @Test
    void credentialAgesAreDerivedAsOfTheReport() throws Exception {
        List<String[]> rows = read("credentials.csv");
        List<String> headers = List.of(rows.get(0));
        String[] alice = rows.stream().filter(r -> r[headers.indexOf("User")].equals("alice")).findFirst().orElseThrow();
        // report generated 2026-11-28T21:01:05Z; key 2 rotated 2026-10-01, password changed 2026-06-01T12:00Z
        assertThat(alice[headers.indexOf("Key 2 age (days)")]).isEqualTo("58");
        assertThat(alice[headers.indexOf("Password age (days)")]).isEqualTo("180");
        assertThat(alice[headers.indexOf("Days since last use")]).isEqualTo("9");
        assertThat(alice[headers.indexOf("Report generated (UTC)")]).isEqualTo("2026-11-28T21:01:05Z");
    }

    @Test
    void credentialsCarryEveryColumnOfAwsReportWithAwsWords() throws Exception {
        List<String[]> rows = read("credentials.csv");
        List<String> headers = List.of(rows.get(0));
        assertThat(headers).contains("User", "ARN", "User created (UTC)", "Password enabled",
                "Password last used (UTC)", "Password last changed (UTC)", "Password next rotation (UTC)",
                "MFA active", "Cert 1 active", "Cert 1 last rotated (UTC)", "Cert 2 active",
                "Cert 2 last rotated (UTC)", "Days since password used");
        for (int slot = 1; slot <= 2; slot++) {
            assertThat(headers).contains("Key " + slot + " active", "Key " + slot + " last rotated (UTC)",
                    "Key " + slot + " last used (UTC)", "Key " + slot + " last region",
                    "Key " + slot + " last service", "Key " + slot + " age (days)", "Days since key " + slot + " used");
        }
        Function<String, String[]> user = name -> rows.stream().filter(r -> r[headers.indexOf("User")].equals(name))
                .findFirst().orElseThrow();
        String[] root = user.apply("<root_account>");
        assertThat(root[headers.indexOf("Password enabled")]).isEqualTo("not_supported");
        assertThat(root[headers.indexOf("Password last changed (UTC)")]).isEqualTo("not_supported");
        assertThat(root[headers.indexOf("Key 1 last rotated (UTC)")]).isEqualTo("N/A");
        assertThat(root[headers.indexOf("Key 1 last used (UTC)")]).isEqualTo("N/A");
        assertThat(root[headers.indexOf("Days since key 1 used")]).as("root has no key: not never").isEmpty();
        String[] alice = user.apply("alice");
        assertThat(alice[headers.indexOf("Password last changed (UTC)")]).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(alice[headers.indexOf("Password next rotation (UTC)")]).isEqualTo("N/A");
        assertThat(alice[headers.indexOf("Key 1 last rotated (UTC)")]).isEqualTo("2022-02-11T12:00:00Z");
        assertThat(alice[headers.indexOf("Key 1 last region")]).isEqualTo("us-east-1");
        assertThat(alice[headers.indexOf("Days since key 1 used")]).isEqualTo("9");
        assertThat(alice[headers.indexOf("Key 2 last used (UTC)")]).isEqualTo("N/A");
        assertThat(alice[headers.indexOf("Key 2 last region")]).isEqualTo("N/A");
        assertThat(alice[headers.indexOf("Days since key 2 used")]).as("active key, never used").isEqualTo("never");
        assertThat(alice[headers.indexOf("Days since password used")]).isEqualTo("13");
        // a row built without AWS's words (staged before they were kept) shows blanks, not invented words
        String[] ci = rows.stream().filter(r -> r[headers.indexOf("ARN")].endsWith(":user/ci/svc-ci")).findFirst()
                .orElseThrow();
        assertThat(ci[headers.indexOf("Password last changed (UTC)")]).isEmpty();
        assertThat(ci[headers.indexOf("Days since key 2 used")]).isEmpty();
    }

    @Test
    void theByteOrderMarkCanBeTurnedOffAndReadersDropIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        new ReportGenerator(ReportFixtures.TEMPLATE, WorkbookLimits.excel(),
                java.time.Clock.fixed(ReportFixtures.GENERATED, java.time.ZoneOffset.UTC), false)
                .generate(repo, SampleRun.RUN_ID, dir, "rules");
        byte[] bytes = Files.readAllBytes(dir.resolve("csv/least-privilege.csv"));
        assertThat(bytes[0]).as("no byte-order mark").isEqualTo((byte) 'A');
        try (java.io.Reader withBom = CsvBom.reader(Files.newInputStream(folder.resolve("csv/coverage.csv")));
             java.io.Reader without = CsvBom.reader(Files.newInputStream(dir.resolve("csv/coverage.csv")))) {
            assertThat(withBom.read()).isEqualTo(without.read()).isEqualTo('A');
        }
    }

    private static List<String[]> read(String name) throws IOException, CsvException {
        try (CSVReader reader = new CSVReader(CsvBom.skip(Files.newBufferedReader(folder.resolve("csv").resolve(name),
                StandardCharsets.UTF_8)))) {
            return reader.readAll();
        }
    }
}
