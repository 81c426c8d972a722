package io.iamaudit.report;

import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Throughput of the workbook writer against bare SXSSF writing the same cells, for the benchmark (not a timed test).
 * {@code java -cp ... io.iamaudit.report.SyntheticWorkbookThroughput 100000 /tmp/bench} prints rows/s and file sizes.
 */
public final class SyntheticWorkbookThroughput {
    private static final Instant T0 = Instant.parse("2026-11-28T21:00:00Z");
    private static final String RUN_ID = "bench";

    /**
     * One measurement: rows written, wall and CPU nanoseconds of the writing thread, and the file's size. CPU time
     * is the figure to compare on a shared machine, where wall time mostly measures the neighbours.
     */
    public record Result(String writer, int rows, long nanos, long cpuNanos, long bytes) {
        public double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }

        public double rowsPerCpuSecond() {
            return rows / (cpuNanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%-18s %,9d rows  wall %7.2f s %,9.0f rows/s  cpu %7.2f s %,9.0f rows/cpu-s  %,11d bytes",
                    writer, rows, nanos / 1e9, rowsPerSecond(), cpuNanos / 1e9, rowsPerCpuSecond(), bytes);
        }
    }

    private SyntheticWorkbookThroughput() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
        measure(Math.min(rows, 5_000), dir);
        for (Result result : measure(rows, dir)) {
            System.out.println(result);
        }
    }

    /**
     * Writes {@code rows} findings through bare SXSSF, then through {@link XlsxReportWriter} (the same cells plus
     * styles, safety, links, validation, protection and the Summary), then as csv, each timed in wall and CPU time.
     */
    public static List<Result> measure(int rows, Path dir) {
        ReportTemplate template = ReportTemplate.loadDefault();
        Table<Finding> table = ReportTables.bind(template).findings();
        Path bare = dir.resolve("throughput-bare.xlsx");
        Result sxssf = timed("bare SXSSF", rows, bare, () -> writeBare(table, rows, bare));
        Path ours = dir.resolve("throughput-writer.xlsx");
        Result writer = timed("XlsxReportWriter", rows, ours, () -> new XlsxReportWriter(template)
                .write(context(), new TableRows<>(table, () -> findings(rows)), List.of(), ours));
        Path csv = dir.resolve(CsvReportWriter.FOLDER).resolve(table.csvName());
        Result csvWriter = timed("CsvReportWriter", rows, csv, () -> new CsvReportWriter()
                .write(List.of(new TableRows<>(table, () -> findings(rows))), dir));
        return List.of(sxssf, writer, csvWriter);
    }

    private static Result timed(String name, int rows, Path file, Runnable write) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        write.run();
        return new Result(name, rows, System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu, size(file));
    }

    /** The same typed cells with one style per type and none of the writer's safety, links or protection. */
    private static void writeBare(Table<Finding> table, int rows, Path file) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, false);
             Stream<Finding> findings = findings(rows);
             OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            SXSSFSheet sheet = workbook.createSheet("Findings");
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.columns().size(); i++) {
                header.createCell(i).setCellValue(table.columns().get(i).spec().header());
            }
            int[] r = {1};
            findings.forEach(f -> {
                Row row = sheet.createRow(r[0]++);
                for (int i = 0; i < table.columns().size(); i++) {
                    Object value = table.columns().get(i).value(f);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (value instanceof Instant instant) {
                        cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                        cell.setCellStyle(date);
                    } else if (value instanceof Link link) {
                        cell.setCellValue(link.label());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Synthetic but realistic findings: 50 accounts, every severity, ~300 characters of evidence per row. */
    static Stream<Finding> findings(int n) {
        Severity[] severities = Severity.values();
        return IntStream.range(0, n).mapToObj(i -> {
            String account = String.format("%012d", 100_000_000_000L + i % 50);
            String user = "user-" + i;
            return new Finding("fd-" + Integer.toHexString(i * 31), RUN_ID, account, "account-" + i % 50,
                    "Root/Workloads/Prod", "User", user, "arn:aws:iam::" + account + ":user/" + user,
                    "IAM_USER_MFA", "Console user without MFA", severities[i % severities.length], Finding.Status.FAIL,
                    List.of("SEC02-BP01"), "v3.0 1.10; v5.0 1.10", "IAM.19",
                    "Password enabled, last used 2026-11-2" + i % 10 + ", no MFA device assigned; user is in groups "
                            + "developers and deployers with AdministratorAccess attached through the group policy",
                    "Enable MFA for the user or remove the console password", T0.minusSeconds(i), null, null, null);
        });
    }

    private static ReportContext context() {
        AuditRun run = new AuditRun(RUN_ID, "org-audit", T0, "o-exampleorg1", "111111111111",
                "arn:aws:sts::111111111111:assumed-role/IamAuditRole/bench", Map.of(), AuditRun.Status.ANALYZED);
        return new ReportContext(run, 50, List.of(), T0, ReportContext.currentToolVersion(), "bench");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
