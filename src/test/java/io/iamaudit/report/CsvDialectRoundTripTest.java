package io.iamaudit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every awkward value, in every column of every table the project writes, reads back exactly as written: the same
 * dialect writes and reads (a backslash is text, not an escape).
 */
public class CsvDialectRoundTripTest {

    /** Values that broke or could break a CSV dialect, or a spreadsheet reading it. */
    public static final List<String> AWKWARD = List.of(
            "trailing backslash\\", "\\", "\\\\", "back\\slash in the middle", "\\\"quote after backslash",
            "say \"hi\"", "\"", "\"\"", "line\nbreak", "crlf\r\nbreak", "ends in cr\r", "comma, inside", ",",
            "=SUM(A1:A2)", "+1", "-1", "@cmd", "Ünïcødé ✓ 日本語 🚀", "", " leading and trailing space ",
            "tab\tinside", "'already quoted");

    @TempDir
    Path folder;

    @Test
    void everyAwkwardValueRoundTripsInEveryPosition() throws IOException {
        // given one record per value, with the value in every position (first, middle, last)
        List<String[]> records = new ArrayList<>();
        for (String value : AWKWARD) {
            records.add(new String[]{value, value, value});
        }
        records.add(AWKWARD.toArray(String[]::new));

        // when
        StringWriter text = new StringWriter();
        try (CsvDialect.Out out = CsvDialect.writer(text)) {
            for (String[] record : records) {
                out.write(record);
            }
            out.flush();
        }

        // then
        assertThat(readAll(text.toString())).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(records);
        assertThat(text.toString()).as("RFC 4180: quotes doubled, CRLF record ends, no backslash escaping")
                .contains("\"say \"\"hi\"\"\"").contains("trailing backslash\\,").endsWith("\r\n");
    }

    @Test
    void theOldDefaultDialectIsWhatThisReplaces() throws Exception {
        // a look-alike reader (OpenCSV's default, with '\' as escape) shifts the fields of a trailing backslash;
        // the dialect does not. This shows the test above can fail.
        String line = "\"acme\\\",123456789012\r\n";
        try (var legacy = new com.opencsv.CSVReader(new StringReader(line))) {
            assertThat(legacy.readNext()).isNotEqualTo(new String[]{"acme\\", "123456789012"});
        } catch (Exception unreadable) {
            // the legacy parser may also reject the line outright: either way it does not read it back
        }
        assertThat(readAll(line)).containsExactly(new String[]{"acme\\", "123456789012"});
    }

    @Test
    void everyColumnOfEveryReportTableReadsBackAsTheWorkbookShowsIt() throws IOException {
        for (TableSpec spec : ReportTemplate.loadDefault().tables()) {
            // given a table whose every text column holds an awkward value (rows rotate through the list)
            List<Column<Integer>> columns = spec.columns().stream()
                    .map(c -> new Column<Integer>(c, c.auditor() ? null : valueOf(c))).toList();
            Table<Integer> table = new Table<>(spec, columns);
            TableRows<Integer> rows = new TableRows<>(table, () -> IntStream.range(0, AWKWARD.size()).boxed());

            // when
            new CsvReportWriter().write(List.of(rows), folder);

            // then every field is the cell text the workbook shows (formula triggers neutralised, nothing else)
            List<String[]> read = readAll(Files.readString(folder.resolve("csv").resolve(spec.csv()),
                    StandardCharsets.UTF_8));
            assertThat(read.get(0)).as(spec.csv()).containsExactlyElementsOf(table.headers());
            assertThat(read).as(spec.csv()).hasSize(AWKWARD.size() + 1);
            for (int r = 0; r < AWKWARD.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    String expected = CellValues.csv(columns.get(c), columns.get(c).value(r));
                    assertThat(read.get(r + 1)[c]).as(spec.csv() + " row " + r + " column " + c).isEqualTo(expected);
                }
            }
        }
    }

    private static Function<Integer, Object> valueOf(ColumnSpec column) {
        return row -> switch (column.type()) {
            case TEXT -> AWKWARD.get(row);
            case LINK -> new Link(AWKWARD.get(row), "https://console.aws.amazon.com/iam/home#/users/x");
            case INTEGER -> (long) row;
            case DECIMAL, PERCENT -> row / 3.0;
            case DATE_TIME -> Instant.parse("2026-11-28T21:01:05Z").plusSeconds(row);
            case DATE -> LocalDate.of(2026, 12, 1).plusDays(row);
        };
    }

    static List<String[]> readAll(String text) throws IOException {
        List<String[]> records = new ArrayList<>();
        try (CsvDialect.In in = CsvDialect.reader(new StringReader(text))) {
            for (String[] record = in.read(); record != null; record = in.read()) {
                records.add(record);
            }
        }
        return records;
    }
}
