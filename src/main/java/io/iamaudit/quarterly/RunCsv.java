package io.iamaudit.quarterly;

import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.CsvDialect;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.TableSpec;
import io.iamaudit.stage.Severity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a run's {@code findings.csv} and {@code coverage.csv} by header name, one row at a time. Headers are looked
 * up through the nightly template (column key to header), so a reordered or extended template still reads; the
 * files are read in the {@link CsvDialect} {@link io.iamaudit.report.CsvReportWriter} writes them in.
 */
final class RunCsv {
    private static final List<String> FINDING_KEYS_REQUIRED = List.of("finding_id", "account_id", "rule_id",
            "severity", "status");
    private static final List<String> COVERAGE_KEYS_REQUIRED = List.of("account_id", "status");

    private final TableSpec findings;
    private final TableSpec coverage;
    /** Repeated texts (rule titles, account names, mappings) are kept once, which keeps the per-finding state small. */
    private final Map<String, String> interned = new HashMap<>();

    RunCsv(ReportTemplate nightly) {
        this.findings = nightly.table("findings");
        this.coverage = nightly.table("coverage");
    }

    /** One account's line of coverage.csv. */
    record AccountCoverage(String accountId, String accountName, String status) {
    }

    /** Streams the findings; returns the data rows read. A missing required column is an {@link InvalidRunException}. */
    long findings(Path file, Consumer<Sighting> sink) {
        return read(file, findings, FINDING_KEYS_REQUIRED, row -> sink.accept(new Sighting(
                row.text("finding_id"), row.text("account_id"), intern(row.text("account_name")),
                intern(row.text("principal_type")), row.text("principal_name"), row.text("principal_arn"),
                intern(row.text("rule_id")), intern(row.text("title")), severity(row.text("severity")),
                intern(row.text("status")), intern(row.text("well_architected")), intern(row.text("cis")),
                intern(row.text("security_hub")), row.text("evidence"), intern(row.text("recommendation")), intern(row.text("exception_owner")), date(row.text("exception_expiry")))));
    }

    long coverage(Path file, Consumer<AccountCoverage> sink) {
        return read(file, coverage, COVERAGE_KEYS_REQUIRED, row -> sink.accept(new AccountCoverage(
                row.text("account_id"), row.text("account_name"), row.text("status"))));
    }

    private long read(Path file, TableSpec table, List<String> required, Consumer<Row> rows) {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
             CsvDialect.In csv = CsvDialect.reader(in)) {
            String[] header = csv.read();
            if (header == null) {
                throw new InvalidRunException(table.csv() + " is empty (no header)");
            }
            Map<String, Integer> index = index(table, header);
            for (String key : required) {
                if (!index.containsKey(key)) {
                    throw new InvalidRunException(table.csv() + " has no column '" + headerOf(table, key) + "'");
                }
            }
            long count = 0;
            for (String[] line = csv.read(); line != null; line = csv.read()) {
                rows.accept(new Row(index, line));
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Headers earlier versions published, so the runs of a quarter that spans a rename still read. */
    private static final Map<String, String> FORMER_HEADERS = Map.of("well_architected", "Well-Architected (SEC02)");

    /** Column key to position, matching the template's header (or the key itself) with the file's header line. */
    private static Map<String, Integer> index(TableSpec table, String[] header) {
        Map<String, Integer> byHeader = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            byHeader.putIfAbsent(stripBom(header[i]).strip(), i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (ColumnSpec column : table.columns()) {
            Integer at = byHeader.getOrDefault(column.header(), byHeader.get(column.key()));
            if (at == null && FORMER_HEADERS.containsKey(column.key())) {
                at = byHeader.get(FORMER_HEADERS.get(column.key()));
            }
            if (at != null) {
                index.put(column.key(), at);
            }
        }
        return index;
    }

    private static String headerOf(TableSpec table, String key) {
        return table.columns().stream().filter(c -> c.key().equals(key)).map(ColumnSpec::header).findFirst()
                .orElse(key);
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private String intern(String text) {
        return text == null ? null : interned.computeIfAbsent(text, t -> t);
    }

    private static Severity severity(String text) {
        try {
            return text == null ? null : Severity.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One csv line, read by column key; empty fields are {@code null}. */
    private record Row(Map<String, Integer> index, String[] line) {
        String text(String key) {
            Integer at = index.get(key);
            if (at == null || at >= line.length || line[at].isEmpty()) {
                return null;
            }
            return line[at];
        }
    }
}
