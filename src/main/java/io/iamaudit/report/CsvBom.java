package io.iamaudit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 byte-order mark the csv files start with (so Excel opens them as UTF-8 rather than the system code page
 * and shows "Müller" and "東京" correctly), and a reader that drops it, so every reader of the tool's own csv files
 * (older ones have none) sees the same first header.
 */
public final class CsvBom {
    /** U+FEFF, written as the bytes EF BB BF. */
    public static final char BOM = '\uFEFF';

    private CsvBom() {
    }

    /** A UTF-8 reader of {@code in} without a leading byte-order mark. */
    public static Reader reader(InputStream in) {
        return skip(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** {@code reader} without a leading byte-order mark, if it has one. */
    public static Reader skip(Reader reader) {
        PushbackReader pushback = new PushbackReader(reader, 1);
        try {
            int first = pushback.read();
            if (first != -1 && first != BOM) {
                pushback.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pushback;
    }

    /** {@code text} without a leading byte-order mark. */
    public static String strip(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
