package io.iamaudit.history;

import io.iamaudit.report.CsvDialect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The ledger's file: gzip-compressed CSV in the project's {@link CsvDialect}, one line per finding, ISO-8601 UTC
 * instants. Reading is strict: a ledger cut short, with another header or an unparseable date is an error, because
 * a ledger read wrongly would reset history as surely as a missing one.
 */
public final class LedgerCsv {
    static final String[] HEADER = {"finding_id", "account_id", "rule_id", "first_seen", "last_seen", "first_run",
            "last_run", "resolved"};

    private LedgerCsv() {
    }

    public static byte[] write(FindingLedger ledger) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8);
             CsvDialect.Out csv = CsvDialect.writer(out)) {
            csv.write(HEADER);
            for (LedgerEntry e : ledger.entries()) {
                csv.write(new String[]{e.findingId(), e.accountId(), e.ruleId(), e.firstSeen().toString(),
                        e.lastSeen().toString(), e.firstRun(), e.lastRun(),
                        e.resolved() == null ? "" : e.resolved().toString()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the findings ledger", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the content is not a complete ledger (the message says what is wrong) */
    public static FindingLedger read(byte[] content) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (CsvDialect.In csv = CsvDialect.reader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(content)), StandardCharsets.UTF_8))) {
            String[] header = csv.read();
            if (header == null || !Arrays.equals(header, HEADER)) {
                throw new IOException("unexpected header " + (header == null ? "(none)" : String.join(",", header)));
            }
            // a ledger repeats a few hundred accounts, some dozens of rules and run ids, and the runs' start times
            // on hundreds of thousands of lines: one copy of each keeps the ledger's memory to its findings
            java.util.Map<String, String> texts = new java.util.HashMap<>();
            java.util.Map<String, Instant> instants = new java.util.HashMap<>();
            for (String[] row = csv.read(); row != null; row = csv.read()) {
                entries.add(entry(row, entries.size() + 2, texts, instants));
            }
        } catch (java.io.EOFException e) {
            throw new IOException("the file is cut short (" + e.getMessage() + ")", e);
        }
        return FindingLedger.of(entries);
    }

    private static LedgerEntry entry(String[] row, int line, java.util.Map<String, String> texts,
                                     java.util.Map<String, Instant> instants) throws IOException {
        if (row.length != HEADER.length || row[0].isEmpty() || row[1].isEmpty()) {
            throw new IOException("line " + line + " has " + row.length + " fields or no id");
        }
        try {
            return new LedgerEntry(row[0], one(texts, row[1]), one(texts, row[2]), instant(instants, row[3]),
                    instant(instants, row[4]), one(texts, row[5]), one(texts, row[6]),
                    row[7].isEmpty() ? null : instant(instants, row[7]));
        } catch (DateTimeParseException e) {
            throw new IOException("line " + line + ": " + e.getMessage(), e);
        }
    }

    private static String one(java.util.Map<String, String> texts, String text) {
        return texts.computeIfAbsent(text, t -> t);
    }

    private static Instant instant(java.util.Map<String, Instant> instants, String text) {
        Instant known = instants.get(text);
        if (known == null) {
            known = Instant.parse(text);
            instants.put(text, known);
        }
        return known;
    }
}
