package io.iamaudit.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills a streaming (SXSSF) workbook, writes it to a file (creating the folder) and always disposes of its temp
 * files, whether the filling, the writing or neither failed.
 */
public final class WorkbookFile {

    /** What goes into the workbook; returns what the caller wants to know of it (rows, cells, ...). */
    @FunctionalInterface
    public interface Content<T> {
        T fill(SXSSFWorkbook workbook) throws IOException;
    }

    private WorkbookFile() {
    }

    public static <T> T write(SXSSFWorkbook workbook, Path file, Content<T> content) {
        try {
            T result = content.fill(workbook);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook " + file, e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // only temp-file cleanup can fail here: the workbook is written or the error already thrown
            }
        }
    }
}
