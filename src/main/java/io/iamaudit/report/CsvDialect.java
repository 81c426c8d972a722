package io.iamaudit.report;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV dialect iam-audit writes and reads back (report tables, the findings ledger, the history step and the
 * quarterly reader): RFC 4180, comma separated, a field quoted with {@code "} when it holds a comma, quote, CR or LF,
 * a quote inside a field doubled, CRLF record ends, and no escape character. A backslash is an ordinary character:
 * AWS allows one at the end of an account name, and OpenCSV's default parser reads it as an escape and shifts every
 * later column. Written by hand (a small state machine) because OpenCSV's RFC 4180 parser loses a carriage return at
 * the end of a quoted field and rejects some multi-line records.
 */
public final class CsvDialect {

    private CsvDialect() {
    }

    public static Out writer(Writer out) {
        return new Out(out);
    }

    /**
     * A reader; accepts CRLF or LF record ends, quoted fields spanning lines, and skips a leading byte-order mark
     * (the report's csv files start with one by default, for Excel).
     */
    public static In reader(Reader in) {
        return new In(new BufferedReader(CsvBom.skip(in)));
    }

    /** Writes records. */
    public static final class Out implements Closeable {
        private final Writer out;

        private Out(Writer out) {
            this.out = out;
        }

        public void write(String[] fields) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String field = fields[i] == null ? "" : fields[i];
                if (needsQuotes(field)) {
                    out.write('"');
                    out.write(field.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(field);
                }
            }
            out.write("\r\n");
        }

        private static boolean needsQuotes(String field) {
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                    return true;
                }
            }
            return false;
        }

        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads records. */
    public static final class In implements Closeable {
        private final BufferedReader in;
        private long record;

        private In(BufferedReader in) {
            this.in = in;
        }

        /** The next record, or {@code null} at the end; a record cut short is an {@link IOException}. */
        public String[] read() throws IOException {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            record++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        throw new IOException("record " + record + " ends inside a quoted field (file cut short?)");
                    }
                    if (c == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            in.reset();
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c < 0 || c == '\n') {
                    break;
                } else if (c == '\r') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '\n' || next < 0) {
                        break;
                    }
                    in.reset();
                    field.append('\r');
                } else if (wasQuoted) {
                    throw new IOException("record " + record + ": text after a closing quote");
                } else {
                    field.append((char) c);
                }
                c = in.read();
            }
            fields.add(field.toString());
            return fields.toArray(String[]::new);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
