package io.iamaudit.quarterly;

import io.iamaudit.report.CellType;
import io.iamaudit.report.Column;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.Table;
import io.iamaudit.report.TableRows;
import io.iamaudit.report.TableSpec;
import io.iamaudit.stage.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import static io.iamaudit.quarterly.QuarterlyColumns.column;

/**
 * Every table of the quarterly workbook with its rows, so the workbook and the csv files are written from one
 * definition: "Findings at quarter end" (columns from the template), Weekly trend, Accounts and Runs (columns here,
 * since they depend on the data, such as one column per best practice).
 */
final class QuarterlyTables {
    static final String TREND_CSV = "quarterly-weekly-trend.csv";
    static final String ACCOUNTS_CSV = "quarterly-accounts.csv";
    static final String RUNS_CSV = "quarterly-runs.csv";

    final Table<FindingState> findings;
    final Table<TrendRow> trend;
    final Table<AccountRow> accounts;
    final Table<RunRecord> runs;
    final List<TrendRow> trendRows;
    final List<AccountRow> accountRows;
    private final QuarterHistory history;

    QuarterlyTables(QuarterlyTemplate template, QuarterHistory history, LocalDate builtOn) {
        this.history = history;
        this.findings = QuarterlyColumns.findings(template.findings(), template.states(), history.asOf());
        this.trendRows = TrendRow.of(history.quarter(), history.usedRuns(), builtOn);
        this.accountRows = AccountRow.of(history);
        this.trend = table("quarterly_trend", template.sheets().trend(), TREND_CSV, trendColumns(history));
        this.accounts = table("quarterly_accounts", template.sheets().accounts(), ACCOUNTS_CSV, accountColumns());
        this.runs = table("quarterly_runs", template.sheets().runs(), RUNS_CSV, runColumns());
    }

    /** The tables in sheet order, each with its rows, for the csv writer. */
    List<TableRows<?>> withRows() {
        return List.of(new TableRows<>(findings, () -> history.findings().stream()),
                new TableRows<>(trend, trendRows::stream),
                new TableRows<>(accounts, accountRows::stream),
                new TableRows<>(runs, () -> history.runs().stream()));
    }

    private static <R> Table<R> table(String key, String sheet, String csv, List<Column<R>> columns) {
        return new Table<>(new TableSpec(key, sheet, csv, columns.stream().map(Column::spec).toList()), columns);
    }

    /** Week, its evidence gap, its last run, open findings of that run per severity, then per best practice. */
    private static List<Column<TrendRow>> trendColumns(QuarterHistory history) {
        List<Column<TrendRow>> c = new ArrayList<>();
        c.add(column("week", "ISO week", CellType.TEXT, 10, TrendRow::week));
        c.add(column("week_start", "Week start", CellType.DATE, 12, TrendRow::weekStart));
        c.add(wrapped("evidence_gap", "Evidence gap", 30, TrendRow::gap));
        c.add(column("run_id", "Last run of the week", CellType.TEXT, 26,
                r -> r.run() != null ? r.run().folder().runId() : r.pending() ? "(week not over)" : "(no usable run)"));
        c.add(column("run_date", "Run date", CellType.DATE, 12, r -> r.run() == null ? null : r.run().folder().day()));
        c.add(column("accounts_failed", "Accounts failed", CellType.INTEGER, 10,
                r -> r.run() == null ? null : (long) r.run().accountsFailed()));
        c.add(column("open_total", "Open findings", CellType.INTEGER, 10,
                r -> r.run() == null ? null : r.run().openTotal()));
        for (Severity s : Severity.values()) {
            c.add(column("open_" + s, "Open " + s, CellType.INTEGER, severityWidth(s),
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
        c.add(wrapped("evidence_gap", "Evidence gap", 22, AccountRow::gap));
        for (Severity s : Severity.values()) {
            c.add(column("open_" + s, "Open " + s, CellType.INTEGER, severityWidth(s),
                    a -> counted(a, a.open().getOrDefault(s, 0L))));
        }
        c.add(column("open_total", "Open total", CellType.INTEGER, 10, a -> counted(a, a.openTotal())));
        c.add(column("resolved_total", "Resolved total", CellType.INTEGER, 10, a -> counted(a, a.resolvedTotal())));
        c.add(column("excepted", "Excepted", CellType.INTEGER, 10, a -> counted(a, a.excepted())));
        c.add(column("runs_audited", "Runs audited", CellType.INTEGER, 10, a -> (long) a.stats().audited()));
        c.add(column("runs_failed", "Runs failed", CellType.INTEGER, 10, a -> (long) a.stats().failed()));
        c.add(column("runs_skipped", "Runs skipped", CellType.INTEGER, 10, a -> (long) a.stats().skipped()));
        c.add(column("last_audited", "Last audited", CellType.DATE, 11, a -> a.stats().lastAudited()));
        // resolved per severity would push the page past one readable width (the gap column comes first)
        for (Severity s : Severity.values()) {
            c.add(QuarterlyColumns.screenOnly("resolved_" + s, "Resolved " + s, CellType.INTEGER, 10,
                    a -> counted(a, a.resolved().getOrDefault(s, 0L))));
        }
        return c;
    }

    /** Wide enough that the bold header word is not split ("INFORMATIONAL" is the longest). */
    private static int severityWidth(Severity severity) {
        return Math.max(10, severity.name().length() + 4);
    }

    /** An account never audited has no counts, not zeros: nothing was evaluated, so nothing can look clean. */
    private static Long counted(AccountRow account, long count) {
        return account.gap() != null ? null : count;
    }

    private static List<Column<RunRecord>> runColumns() {
        List<Column<RunRecord>> c = new ArrayList<>();
        c.add(column("run_id", "Run id", CellType.TEXT, 26, r -> r.folder().runId()));
        c.add(column("date", "Run date", CellType.DATE, 11, r -> r.folder().day()));
        c.add(column("status", "Status", CellType.TEXT, 9, r -> r.used() ? "Used" : "Skipped"));
        c.add(wrapped("reason", "Why skipped", 40, RunRecord::reason));
        c.add(column("published", "Published (UTC)", CellType.DATE_TIME, 19,
                r -> r.manifest() == null ? null : r.manifest().publishedAt()));
        c.add(column("finding_rows", "Finding rows", CellType.INTEGER, 10, r -> r.used() ? r.findingRows() : null));
        c.add(column("open_rows", "Open (FAIL) rows", CellType.INTEGER, 12, r -> r.used() ? r.openTotal() : null));
        c.add(column("accounts_audited", "Accounts audited", CellType.INTEGER, 10,
                r -> r.used() ? (long) r.accountsAudited() : null));
        c.add(column("accounts_failed", "Accounts failed", CellType.INTEGER, 10,
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

    private static <R> Column<R> wrapped(String key, String header, int width, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(key, header, CellType.TEXT, width, false, true, true), value);
    }
}
