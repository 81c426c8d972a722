package io.iamaudit.report;

import io.iamaudit.stage.Finding;
import io.iamaudit.stage.StagingRepository;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the workbook writer against a bare Apache POI SXSSF writer producing the same cells (same tables, same
 * typed values, same row window and temp-file compression, text cut at Excel's cell limit as the workbook does; no
 * styles, links, validation, protection or Summary).
 * Both read the run's rows from memory, so the staging store's read time is left out of the comparison.
 */
public final class WorkbookThroughput {

    /**
     * @param rows       data rows written (both writers)
     * @param cells      non-empty data cells written by the bare writer
     * @param oursNanos  best time of {@link XlsxReportWriter}
     * @param bareNanos  best time of the bare SXSSF writer
     * @param oursCpuNanos best CPU time of the writing thread with {@link XlsxReportWriter} (GC and JIT threads not
     *                     counted): the figure to compare when the machine is shared and wall times mostly measure
     *                     the neighbours
     * @param bareCpuNanos best CPU time of the writing thread with the bare SXSSF writer
     */
    public record Result(long rows, long cells, long oursNanos, long bareNanos, long oursCpuNanos, long bareCpuNanos) {
        public double oursRowsPerSecond() {
            return rows * 1e9 / Math.max(1, oursNanos);
        }

        public double bareRowsPerSecond() {
            return rows * 1e9 / Math.max(1, bareNanos);
        }

        /** Our throughput as a share of the bare writer's (1.0 = as fast). */
        public double ratio() {
            return (double) bareNanos / Math.max(1, oursNanos);
        }

        /** As {@link #ratio}, by CPU time of the writing thread. */
        public double cpuRatio() {
            return (double) bareCpuNanos / Math.max(1, oursCpuNanos);
        }
    }

    private final ReportTemplate template;
    private final WorkbookLimits limits;

    public WorkbookThroughput(ReportTemplate template, WorkbookLimits limits) {
        this.template = template;
        this.limits = limits;
    }

    /** Loads the run's rows once, then times each writer {@code repeats} times (alternating) and keeps the best. */
    public Result measure(StagingRepository repository, String runId, Path folder, int repeats) {
        ReportSource source = new ReportSource(repository, runId, ReportTables.bind(template));
        ReportContext context = source.context(Instant.now(), ReportContext.currentToolVersion(), "bench");
        TableRows<Finding> findings = inMemory(source.findings());
        List<TableRows<?>> others = new ArrayList<>();
        source.otherTables().forEach(t -> others.add(inMemory(t)));
        List<TableRows<?>> all = new ArrayList<>();
        all.add(findings);
        all.addAll(others);
        long rows = all.stream().mapToLong(t -> t.rows().get().count()).sum();
        long ours = Long.MAX_VALUE;
        long bare = Long.MAX_VALUE;
        long oursCpu = Long.MAX_VALUE;
        long bareCpu = Long.MAX_VALUE;
        long cells = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Math.max(1, repeats); i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            new XlsxReportWriter(template, limits).write(context, findings, others, folder.resolve("ours-" + i + ".xlsx"));
            ours = Math.min(ours, System.nanoTime() - start);
            oursCpu = Math.min(oursCpu, threads.getCurrentThreadCpuTime() - cpu);
            cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            cells = writeBare(all, folder.resolve("bare-" + i + ".xlsx"));
            bare = Math.min(bare, System.nanoTime() - start);
            bareCpu = Math.min(bareCpu, threads.getCurrentThreadCpuTime() - cpu);
        }
        return new Result(rows, cells, ours, bare, oursCpu, bareCpu);
    }

    private static <R> TableRows<R> inMemory(TableRows<R> table) {
        List<R> rows;
        try (var stream = table.rows().get()) {
            rows = stream.toList();
        }
        return new TableRows<>(table.table(), rows::stream);
    }

    /** The baseline: header row and typed values, nothing else. */
    private long writeBare(List<TableRows<?>> tables, Path file) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), limits.windowSize(), true, false);
        // the same file handling as ours, so the comparison is of the cells alone
        return WorkbookFile.write(workbook, file, w -> {
            long cells = 0;
            for (TableRows<?> table : tables) {
                cells += bareSheet(w, table);
            }
            return cells;
        });
    }

    private static <R> long bareSheet(SXSSFWorkbook workbook, TableRows<R> tableRows) {
        Table<R> table = tableRows.table();
        Sheet sheet = workbook.createSheet(table.sheetName());
        Row header = sheet.createRow(0);
        List<Column<R>> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i).spec().header());
        }
        int r = 1;
        long cells = 0;
        try (var rows = tableRows.rows().get()) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                R row = it.next();
                Row sheetRow = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Column<R> column = columns.get(i);
                    Object value = column.value(row);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = sheetRow.createCell(i);
                    cells++;
                    if (value instanceof Word word) {
                        cell.setCellValue(word.text());
                        continue;
                    }
                    switch (column.spec().type()) {
                        case TEXT -> cell.setCellValue(SheetCells.fit(value.toString()));
                        case INTEGER -> cell.setCellValue(((Number) value).longValue());
                        case DECIMAL -> cell.setCellValue(((Number) value).doubleValue());
                        case PERCENT -> cell.setCellValue(((Number) value).doubleValue() / 100.0);
                        case DATE_TIME -> cell.setCellValue(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                        case DATE -> cell.setCellValue((LocalDate) value);
                        case LINK -> cell.setCellValue(SheetCells.fit(((Link) value).label()));
                    }
                }
            }
        }
        return cells;
    }
}
