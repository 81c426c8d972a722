package io.iamaudit.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one csv file per table ({@code csv/findings.csv}, ...) with the same columns as the workbook's sheets:
 * UTF-8, by default with a byte-order mark ({@link CsvBom}; {@code iam-audit.report.csv-bom=false} leaves it out),
 * in the project's one {@link CsvDialect} (RFC 4180, no escape character), ISO-8601 UTC timestamps, and the same
 * text safety as the workbook.
 */
public final class CsvReportWriter {
    public static final String FOLDER = "csv";
    /** The setting that turns the byte-order mark off (for tools that take it for part of the first header). */
    public static final String BOM_PROPERTY = "iam-audit.report.csv-bom";

    private final boolean bom;

    public CsvReportWriter(boolean bom) {
        this.bom = bom;
    }

    public CsvReportWriter() {
        this(true);
    }

    public List<ReportFile> write(List<TableRows<?>> tables, Path runDirectory) {
        Path folder = runDirectory.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        List<ReportFile> files = new ArrayList<>();
        for (TableRows<?> table : tables) {
            files.add(writeTable(table, folder));
        }
        return files;
    }

    private <R> ReportFile writeTable(TableRows<R> tableRows, Path folder) {
        Table<R> table = tableRows.table();
        Path file = folder.resolve(table.csvName());
        long rows = 0;
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
             CsvDialect.Out csv = CsvDialect.writer(out);
             Stream<R> stream = tableRows.rows().get()) {
            if (bom) {
                out.write(CsvBom.BOM);
            }
            csv.write(table.headers().toArray(String[]::new));
            var iterator = stream.iterator();
            String[] line = new String[table.columns().size()];
            while (iterator.hasNext()) {
                R row = iterator.next();
                for (int i = 0; i < line.length; i++) {
                    Column<R> column = table.columns().get(i);
                    line[i] = CellValues.csv(column, column.value(row));
                }
                csv.write(line);
                rows++;
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new ReportFile(FOLDER + "/" + table.csvName(), file, rows, null);
    }
}
