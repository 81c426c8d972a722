package io.iamaudit.quarterly;

import io.iamaudit.report.CellType;
import io.iamaudit.report.Column;
import io.iamaudit.report.PageLabels;
import io.iamaudit.report.PrintLayout;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.WorkbookFile;
import io.iamaudit.report.SheetCells;
import io.iamaudit.report.Table;
import io.iamaudit.report.WorkbookStyles;
import io.iamaudit.stage.Severity;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.iamaudit.quarterly.QuarterlyColumns.column;

/**
 * Writes the quarterly auditor workbook with POI SXSSF: Summary, Findings at quarter end, Weekly trend, Accounts and
 * Runs. Everything is computed before writing (the per-finding state is in memory anyway), so Summary comes first
 * and its totals are the counts of the rows written after it.
 */
public final class QuarterlyWorkbookWriter {
    private static final int WINDOW = 100;
    private final ReportTemplate nightly;
    private final QuarterlyTemplate template;

    public QuarterlyWorkbookWriter(ReportTemplate nightly, QuarterlyTemplate template) {
        this.nightly = nightly;
        this.template = template;
    }

    /** Returns the data rows per sheet. */
    public Map<String, Long> write(QuarterlyContext context, Path file) {
        QuarterHistory history = context.history();
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, true, false);
        return WorkbookFile.write(workbook, file, w -> {
            WorkbookStyles styles = new WorkbookStyles(workbook, nightly.styles());
            PageLabels labels = new PageLabels(template.reportName(), "Quarter " + history.quarter(),
                    "Organization " + history.organizationId(), nightly.classification());
            SheetWriter sheets = new SheetWriter(workbook, styles, nightly.decisions(), labels);
            Table<FindingState> findings = QuarterlyColumns.findings(template.findings(), template.states(),
                    history.asOf());
            List<TrendRow> trend = TrendRow.of(history.quarter(), history.usedRuns());
            List<AccountRow> accounts = AccountRow.of(history);

            new QuarterlySummaryWriter(workbook.createSheet(template.sheets().summary()), styles, template)
                    .write(context);
            SheetCells.protect(workbook.getXSSFWorkbook().getSheet(template.sheets().summary()));
            PrintLayout.page(workbook.getSheet(template.sheets().summary()), labels);
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(findings.sheetName(), sheets.write(findings.sheetName(), findings.columns(), history.findings()));
            rows.put(template.sheets().trend(), sheets.write(template.sheets().trend(), trendColumns(history), trend));
            rows.put(template.sheets().accounts(), sheets.write(template.sheets().accounts(), accountColumns(),
                    accounts));
            rows.put(template.sheets().runs(), sheets.write(template.sheets().runs(), runColumns(), history.runs()));
            properties(workbook.getXSSFWorkbook().getProperties(), context);
            return rows;
        });
    }

    /** Week, its last run, open findings of that run per severity, then per best practice seen in the quarter. */
    private static List<Column<TrendRow>> trendColumns(QuarterHistory history) {
        List<Column<TrendRow>> c = new ArrayList<>();
        c.add(column("week", "ISO week", CellType.TEXT, 10, TrendRow::week));
        c.add(column("week_start", "Week start", CellType.DATE, 12, TrendRow::weekStart));
        c.add(column("run_id", "Last run of the week", CellType.TEXT, 26,
                r -> r.run() == null ? "(no usable run)" : r.run().folder().runId()));
        c.add(column("run_date", "Run date", CellType.DATE, 12, r -> r.run() == null ? null : r.run().folder().day()));
        c.add(column("accounts_failed", "Accounts failed", CellType.INTEGER, 10,
                r -> r.run() == null ? null : (long) r.run().accountsFailed()));
        c.add(column("open_total", "Open findings", CellType.INTEGER, 10,
                r -> r.run() == null ? null : r.run().openTotal()));
        for (Severity s : Severity.values()) {
            c.add(column("open_" + s, "Open " + s, CellType.INTEGER, 10,
                    r -> r.run() == null ? null : r.run().openBySeverity().getOrDefault(s, 0L)));
        }
        // Every practice of the quarter's findings, so a practice with nothing open still shows its zeros.
        TreeSet<String> practices = new TreeSet<>();
        history.findings().forEach(f -> practices.addAll(QuarterReader.practices(f.last().wellArchitected())));
        history.usedRuns().forEach(r -> practices.addAll(r.openByPractice().keySet()));
        for (String p : practices) {
            // one column per practice would push the page scale down: they stay on screen and in the csv
            c.add(QuarterlyColumns.screenOnly("open_" + p, "Open " + p, CellType.INTEGER, 12,
                    r -> r.run() == null ? null : r.run().openByPractice().getOrDefault(p, 0L)));
        }
        return c;
    }

    private static List<Column<AccountRow>> accountColumns() {
        List<Column<AccountRow>> c = new ArrayList<>();
        c.add(column("account_id", "Account id", CellType.TEXT, 14, a -> a.stats().accountId()));
        c.add(column("account_name", "Account name", CellType.TEXT, 18, a -> a.stats().accountName()));
        for (Severity s : Severity.values()) {
            c.add(column("open_" + s, "Open " + s, CellType.INTEGER, 9, a -> a.open().getOrDefault(s, 0L)));
        }
        c.add(column("open_total", "Open total", CellType.INTEGER, 9, AccountRow::openTotal));
        for (Severity s : Severity.values()) {
            c.add(column("resolved_" + s, "Resolved " + s, CellType.INTEGER, 9,
                    a -> a.resolved().getOrDefault(s, 0L)));
        }
        c.add(column("resolved_total", "Resolved total", CellType.INTEGER, 9, AccountRow::resolvedTotal));
        c.add(column("excepted", "Excepted", CellType.INTEGER, 9, AccountRow::excepted));
        c.add(column("runs_audited", "Runs audited", CellType.INTEGER, 9, a -> (long) a.stats().audited()));
        c.add(column("runs_failed", "Runs failed", CellType.INTEGER, 9, a -> (long) a.stats().failed()));
        c.add(column("runs_skipped", "Runs skipped", CellType.INTEGER, 9, a -> (long) a.stats().skipped()));
        c.add(column("last_audited", "Last audited", CellType.DATE, 11, a -> a.stats().lastAudited()));
        return c;
    }

    private static List<Column<RunRecord>> runColumns() {
        List<Column<RunRecord>> c = new ArrayList<>();
        c.add(column("run_id", "Run id", CellType.TEXT, 26, r -> r.folder().runId()));
        c.add(column("date", "Run date", CellType.DATE, 11, r -> r.folder().day()));
        c.add(column("status", "Status", CellType.TEXT, 9, r -> r.used() ? "Used" : "Skipped"));
        c.add(wrapped("reason", "Why skipped", 40, RunRecord::reason));
        c.add(column("published", "Published (UTC)", CellType.DATE_TIME, 19,
                r -> r.manifest() == null ? null : r.manifest().publishedAt()));
        c.add(column("finding_rows", "Finding rows", CellType.INTEGER, 9, r -> r.used() ? r.findingRows() : null));
        c.add(column("open_rows", "Open (FAIL) rows", CellType.INTEGER, 9, r -> r.used() ? r.openTotal() : null));
        c.add(column("accounts_audited", "Accounts audited", CellType.INTEGER, 9,
                r -> r.used() ? (long) r.accountsAudited() : null));
        c.add(column("accounts_failed", "Accounts failed", CellType.INTEGER, 9,
                r -> r.used() ? (long) r.accountsFailed() : null));
        c.add(QuarterlyColumns.screenOnly("started", "Started (UTC)", CellType.DATE_TIME, 19,
                r -> r.manifest() == null ? null : r.manifest().startedAt()));
        c.add(QuarterlyColumns.screenOnly("kind", "Kind", CellType.TEXT, 13,
                r -> r.manifest() == null ? null : r.manifest().kind()));
        c.add(QuarterlyColumns.screenOnly("organization", "Organization", CellType.TEXT, 16,
                r -> r.manifest() == null ? null : r.manifest().organizationId()));
        c.add(QuarterlyColumns.screenOnly("rule_catalog", "Rule catalog", CellType.TEXT, 22,
                r -> r.manifest() == null ? null : r.manifest().ruleCatalogVersion()));
        c.add(QuarterlyColumns.screenOnly("folder", "Run folder", CellType.TEXT, 44, r -> r.folder().path()));
        return c;
    }

    private static <R> Column<R> wrapped(String key, String header, int width,
                                         java.util.function.Function<? super R, ?> value) {
        return new Column<>(new io.iamaudit.report.ColumnSpec(key, header, CellType.TEXT, width, false, true, true),
                value);
    }

    /** The quarter travels in the file itself, so a workbook separated from its folder can still be traced. */
    private void properties(POIXMLProperties properties, QuarterlyContext context) {
        QuarterHistory history = context.history();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(template.reportName());
        core.setSubjectProperty("Quarter " + history.quarter());
        core.setIdentifier(history.quarter().toString());
        core.setKeywords("iam-audit; quarter " + history.quarter());
        core.setCreator("iam-audit " + context.toolVersion());
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("Quarter", history.quarter().toString());
        custom.addProperty("Organization", String.valueOf(history.organizationId()));
        custom.addProperty("AsOf", String.valueOf(history.asOf()));
        custom.addProperty("ToolVersion", String.valueOf(context.toolVersion()));
    }
}
