package io.iamaudit.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report writers' figures for one run, kept as data (the report step stores them in its step execution context,
 * where {@code scripts/bench} reads them) rather than only in a log line.
 */
public record ReportTimings(WriterTiming workbook, WriterTiming csv, WriterTiming exports) {

    public static final ReportTimings NONE = new ReportTimings(WriterTiming.NONE, WriterTiming.NONE);

    public ReportTimings {
        exports = exports == null ? WriterTiming.NONE : exports;
    }

    /** The workbook's and csv's figures, no exports written. */
    public ReportTimings(WriterTiming workbook, WriterTiming csv) {
        this(workbook, csv, WriterTiming.NONE);
    }

    /** Key prefix in the report step's execution context. */
    public static final String CONTEXT_PREFIX = "report.";

    /**
     * Flat keys ({@code report.workbook.rows}, {@code report.workbook.millis}, {@code report.workbook.cpuMillis} and
     * the same for {@code csv} and {@code exports}) with long values: any execution-context serializer stores these as they are.
     */
    public Map<String, Long> asContext() {
        Map<String, Long> context = new LinkedHashMap<>();
        put(context, "workbook", workbook);
        put(context, "csv", csv);
        put(context, "exports", exports);
        return context;
    }

    /** The reverse of {@link #asContext}; a writer absent from the map reads as {@link WriterTiming#NONE}. */
    public static ReportTimings fromContext(Map<String, ?> context) {
        return new ReportTimings(get(context, "workbook"), get(context, "csv"), get(context, "exports"));
    }

    private static void put(Map<String, Long> context, String writer, WriterTiming t) {
        context.put(CONTEXT_PREFIX + writer + ".rows", t.rows());
        context.put(CONTEXT_PREFIX + writer + ".millis", t.wallNanos() / 1_000_000);
        context.put(CONTEXT_PREFIX + writer + ".cpuMillis", t.cpuNanos() / 1_000_000);
    }

    private static WriterTiming get(Map<String, ?> context, String writer) {
        Object rows = context.get(CONTEXT_PREFIX + writer + ".rows");
        if (!(rows instanceof Number)) {
            return WriterTiming.NONE;
        }
        return new WriterTiming(((Number) rows).longValue(), millis(context, writer + ".millis") * 1_000_000,
                millis(context, writer + ".cpuMillis") * 1_000_000);
    }

    private static long millis(Map<String, ?> context, String key) {
        return context.get(CONTEXT_PREFIX + key) instanceof Number n ? n.longValue() : 0;
    }
}
