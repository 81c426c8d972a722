package io.iamaudit.stage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's staged finding payloads regrouped by severity through temporary files, so the store is read once in
 * account order and the findings come back severity first with memory flat: one file per severity, each holding the
 * payloads in the order they were added (length-prefixed UTF-8). Reading one account's findings is one range of the
 * primary key; asking the store for one (severity, account) slice at a time instead read every account's rows once
 * per severity, and listed each severity's accounts by reading the whole table (H2 decodes whole rows, payload
 * included: at 800 accounts that was over a third of the report writers' CPU).
 */
final class SeveritySpill implements AutoCloseable {
    private final Severity[] order = Severity.values();
    private final Path[] files = new Path[order.length];
    private final DataOutputStream[] outs = new DataOutputStream[order.length];
    private Reader reader;

    /** Adds one payload of {@code severity}; a severity this release does not know is left out, as the store's query did. */
    void add(String severity, String payload) {
        int i = index(severity);
        if (i < 0) {
            return;
        }
        try {
            if (outs[i] == null) {
                files[i] = Files.createTempFile("iam-audit-findings-" + order[i].name().toLowerCase(java.util.Locale.ROOT)
                        + "-", ".spill");
                outs[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files[i]), 1 << 16));
            }
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            outs[i].writeInt(bytes.length);
            outs[i].write(bytes);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot spill staged findings to a temporary file", e);
        }
    }

    private int index(String severity) {
        for (int i = 0; i < order.length; i++) {
            if (order[i].name().equals(severity)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every added payload, severity by severity (most severe first), each in the order added, read back lazily; each
     * file is deleted once read, and every file when the stream is closed.
     */
    Stream<byte[]> payloads() {
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < order.length; i++) {
                if (outs[i] != null) {
                    outs[i].close();
                    outs[i] = null;
                    written.add(files[i]);
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot spill staged findings to a temporary file", e);
        }
        reader = new Reader(written);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Deletes every file, read or not. */
    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        for (int i = 0; i < order.length; i++) {
            try {
                if (outs[i] != null) {
                    outs[i].close();
                    outs[i] = null;
                }
            } catch (IOException ignored) {
                // the file goes anyway
            }
            deleteQuietly(files[i]);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary file: the system's cleaning takes it
        }
    }

    /** Reads the files one after the other, deleting each at its end. */
    private static final class Reader implements Iterator<byte[]> {
        private final Iterator<Path> files;
        private Path current;
        private DataInputStream in;
        private byte[] next;

        Reader(List<Path> files) {
            this.files = files.iterator();
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            try {
                while (true) {
                    if (in == null) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        current = files.next();
                        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(current), 1 << 16));
                    }
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException end) {
                        in.close();
                        in = null;
                        deleteQuietly(current);
                        continue;
                    }
                    next = new byte[length];
                    in.readFully(next);
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spilled staged findings from " + current, e);
            }
        }

        void close() {
            try {
                if (in != null) {
                    in.close();
                    in = null;
                }
            } catch (IOException ignored) {
                // only a read handle
            }
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] out = next;
            next = null;
            return out;
        }
    }
}
