package io.iamaudit.quarterly;

import io.iamaudit.report.SheetCells;
import io.iamaudit.report.SummaryRows;
import io.iamaudit.report.WorkbookStyles;
import io.iamaudit.stage.Severity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Summary sheet: what the report covers (quarter, runs used with their dates, organization, source), the
 * findings at quarter end by severity and state (whose grand total is the row count of the findings sheet), and a
 * note for every run that was skipped.
 */
final class QuarterlySummaryWriter {
    static final String TOTAL = "Total";
    private static final FindingState.State[] STATES = FindingState.State.values();

    private final Sheet sheet;
    private final WorkbookStyles styles;
    private final QuarterlyTemplate template;
    private final SummaryRows rows;

    QuarterlySummaryWriter(Sheet sheet, WorkbookStyles styles, QuarterlyTemplate template) {
        this.sheet = sheet;
        this.styles = styles;
        this.template = template;
        this.rows = new SummaryRows(sheet, styles);
    }

    static final String PRELIMINARY = "PRELIMINARY";
    static final String EVIDENCE_GAPS = "Evidence gaps";

    void write(QuarterlyContext context, QuarterlyTables tables) {
        QuarterHistory history = context.history();
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 30 * 256);
        for (int c = 2; c < 7; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        rows.labelled(context.preliminary() ? template.title() + ": " + PRELIMINARY : template.title(),
                styles.title);
        if (context.preliminary()) {
            spanning(rows.row(), 0, PRELIMINARY + ": built " + context.builtOn() + ", before the quarter ends on "
                    + history.quarter().end() + ". Findings are as of " + history.asOf()
                    + "; the final report is built after quarter end.", styles.headline);
        }
        rows.skip();
        pair("Report", template.reportName());
        pair("Edition", context.preliminary() ? PRELIMINARY + " (quarter in progress)" : "Final");
        pair("Quarter", history.quarter().toString());
        pair("Period", history.quarter().start() + " to " + history.quarter().end());
        rows.date(pairRow("As of (last run used)"), 1, history.asOf());
        pair("Organization", history.organizationId());
        pair("Source (runs read from)", history.source());
        Row generated = pairRow("Generated (UTC)");
        Cell cell = generated.createCell(1);
        cell.setCellValue(LocalDateTime.ofInstant(context.generatedAt(), ZoneOffset.UTC));
        cell.setCellStyle(styles.dateTime);
        pair("Tool version", context.toolVersion());
        pair("Previous workbook", context.previous() == null ? "(none)" : context.previous());
        rows.number(pairRow("Decisions carried forward"), 1, context.carried());
        rows.skip();

        signOff();
        rows.skip();

        rows.section("Runs");
        List<RunRecord> used = history.usedRuns();
        rows.number(pairRow("Runs considered"), 1, history.runs().size());
        rows.number(pairRow("Runs used"), 1, used.size());
        rows.number(pairRow("Runs skipped"), 1, history.runs().size() - used.size());
        rows.date(pairRow("First run used"), 1, used.get(0).folder().day());
        rows.date(pairRow("Last run used"), 1, used.get(used.size() - 1).folder().day());
        rows.skip();

        bySeverityAndState(history);
        rows.skip();

        evidenceGaps(tables);
        rows.skip();

        rows.section("Notes");
        List<RunRecord> skipped = history.runs().stream().filter(r -> !r.used()).toList();
        if (skipped.isEmpty()) {
            rows.labelled("Every run of the quarter was used.", styles.text);
        }
        for (RunRecord run : skipped) {
            rows.labelled("Run " + run.folder().runId() + " (" + run.folder().day() + ") skipped: " + run.reason(),
                    styles.text);
        }
        rows.skip();

        rows.section("Runs included");
        Row header = rows.row();
        String[] titles = {"Run date", "Run id", "Finding rows", "Open (FAIL) rows"};
        for (int i = 0; i < titles.length; i++) {
            rows.text(header, i, titles[i], i == 1 ? styles.header : styles.headerNumeric);
        }
        header.setHeightInPoints(SheetCells.rowHeight(2));
        for (RunRecord run : used) {
            Row r = rows.row();
            rows.date(r, 0, run.folder().day());
            rows.text(r, 1, run.folder().runId(), styles.text);
            rows.number(r, 2, run.findingRows());
            rows.number(r, 3, run.openTotal());
        }
    }

    /**
     * One line naming every account no run of the quarter audited and every ended week without a complete run:
     * zeros on those rows mean "not looked at", and an auditor must see that before reading them as clean.
     */
    private void evidenceGaps(QuarterlyTables tables) {
        List<String> accounts = tables.accountRows.stream().filter(a -> a.gap() != null)
                .map(a -> a.stats().accountId() + (a.stats().accountName() == null ? ""
                        : " " + a.stats().accountName())).toList();
        List<String> weeks = tables.trendRows.stream().filter(t -> t.gap() != null).map(TrendRow::week).toList();
        String line = accounts.isEmpty() && weeks.isEmpty() ? "None: every account was audited and every week had "
                + "a complete run."
                : accounts.size() + (accounts.size() == 1 ? " account" : " accounts") + " never audited"
                + (accounts.isEmpty() ? "" : " (" + String.join(", ", accounts) + ")") + "; " + weeks.size()
                + (weeks.size() == 1 ? " week" : " weeks") + " without a complete run"
                + (weeks.isEmpty() ? "" : " (" + String.join(", ", weeks) + ")")
                + ". See the Accounts and Weekly trend sheets.";
        spanning(pairRow(EVIDENCE_GAPS), 1, line, styles.wrapped);
    }

    /** A text across the table's columns (to column F), as tall as its wrapped lines. */
    private void spanning(Row r, int from, String line, CellStyle style) {
        CellStyle wrapping = sheet.getWorkbook().createCellStyle();
        wrapping.cloneStyleFrom(style);
        wrapping.setWrapText(true);
        wrapping.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        rows.text(r, from, line, wrapping);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r.getRowNum(), r.getRowNum(), from, 5));
        int width = 0;
        for (int c = from; c <= 5; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        r.setHeightInPoints(SheetCells.rowHeight(SheetCells.lines(line, width)) * (style == styles.headline ? 1.3f : 1f));
    }

    /** Labels the auditor fills in */
    static final String[] SIGN_OFF = {"Reviewer", "Role", "Date", "Scope", "Conclusion"};

    /**
     * The review's sign-off as a whole: empty cells the reviewer fills in, unlocked on the protected Summary, each
     * spanning the table columns so a conclusion has room.
     */
    private void signOff() {
        rows.section("Review sign-off");
        for (String label : SIGN_OFF) {
            Row row = pairRow(label);
            for (int c = 1; c <= 5; c++) {
                row.createCell(c).setCellStyle("Date".equals(label) ? styles.auditorDate : styles.auditorText);
            }
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 5));
        }
    }

    private void bySeverityAndState(QuarterHistory history) {
        Map<Severity, long[]> counts = new EnumMap<>(Severity.class);
        long[] unknown = new long[STATES.length];
        for (FindingState f : history.findings()) {
            long[] c = f.severity() == null ? unknown : counts.computeIfAbsent(f.severity(), k -> new long[STATES.length]);
            c[f.state().ordinal()]++;
        }
        rows.section("Findings at quarter end by severity and state (the total is the row count of '"
                + template.findings().sheet() + "')");
        List<String> numbers = new ArrayList<>(Arrays.stream(STATES).map(template.states()::label).toList());
        numbers.add(TOTAL);
        rows.headers(List.of("Severity"), numbers);
        long[] totals = new long[STATES.length];
        for (Severity s : Severity.values()) {
            severityRow(s.name(), styles.severity(s, styles.text), counts.getOrDefault(s, new long[STATES.length]),
                    totals);
        }
        if (java.util.Arrays.stream(unknown).sum() > 0) {
            severityRow("(no severity)", styles.text, unknown, totals);
        }
        severityRow(TOTAL, styles.section, totals, null);
    }

    private void severityRow(String label, CellStyle style, long[] counts, long[] totals) {
        Row r = rows.labelled(label, style);
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            rows.number(r, 1 + i, counts[i]);
            sum += counts[i];
            if (totals != null) {
                totals[i] += counts[i];
            }
        }
        rows.number(r, 1 + counts.length, sum);
    }

    private void pair(String label, String value) {
        Row r = pairRow(label);
        if (value != null) {
            rows.text(r, 1, value, styles.text);
        }
    }

    private Row pairRow(String label) {
        return rows.labelled(label, styles.section);
    }
}
