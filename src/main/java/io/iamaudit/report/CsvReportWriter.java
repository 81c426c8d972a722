package io.iamaudit.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

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
 * RFC 4180 otherwise (comma, double-quote quoting with doubled quotes, CRLF line ends), ISO-8601 UTC timestamps,
 * and the same text safety as the workbook.
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
             CSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.RFC4180_LINE_END);
             Stream<R> stream = tableRows.rows().get()) {
            if (bom) {
                out.write(CsvBom.BOM);
            }
            csv.writeNext(table.headers().toArray(String[]::new), false);
            var iterator = stream.iterator();
            String[] line = new String[table.columns().size()];
            while (iterator.hasNext()) {
                R row = iterator.next();
                for (int i = 0; i < line.length; i++) {
                    Column<R> column = table.columns().get(i);
                    line[i] = CellValues.csv(column, column.value(row));
                }
                csv.writeNext(line, false);
                rows++;
            }
            csv.flush();
            if (csv.checkError()) {
                throw new IOException("csv writer reported an error");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new ReportFile(FOLDER + "/" + table.csvName(), file, rows, null);
    }
}
