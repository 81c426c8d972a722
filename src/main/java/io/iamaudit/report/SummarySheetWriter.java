package io.iamaudit.report;

import io.iamaudit.analyze.RuleDisplays;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the Summary sheet: the review header (who collected what population, when), coverage, row counts per sheet
 * (which reconcile with the sheets), findings by severity (with the chart), by severity x Well-Architected best
 * practice, by account, and the riskiest accounts and identities.
 */
final class SummarySheetWriter {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Finding.Status[] STATUSES = Finding.Status.values();

    private final XSSFSheet sheet;
    private final WorkbookStyles styles;
    private final ReportTemplate template;
    private final SummarySpec spec;
    private final SummaryRows rows;

    SummarySheetWriter(XSSFSheet sheet, WorkbookStyles styles, ReportTemplate template) {
        this.sheet = sheet;
        this.styles = styles;
        this.template = template;
        this.spec = template.summary();
        this.rows = new SummaryRows(sheet, styles);
    }

    /** Days ahead in which an expiring exception is counted in the headline. */
    static final int EXPIRY_DAYS = 30;
    private static final int COLUMNS = 8;

    void write(ReportContext context, SummaryTally tally, Map<String, Long> rowsBySheet) {
        // narrow, equal columns so numbers sit under their headers; long values of the review header run on into
        // the empty cells to their right
        sheet.setColumnWidth(0, 30 * 256);
        for (int c = 1; c < COLUMNS; c++) {
            sheet.setColumnWidth(c, 15 * 256);
        }
        rows.text(rows.row(), 0, spec.title(), styles.title);
        headline(context, tally);
        rows.skip();
        header(context);
        coverage(context);
        section("rows");
        rowsBySheet.forEach(this::pair);
        bySeverity(tally);
        byFramework(tally);
        byPractice(tally);
        byAccount(context, tally);
        topAccounts(tally);
        topIdentities(tally);
    }

    private void header(ReportContext context) {
        AuditRun run = context.run();
        pair(spec.label("report-name"), template.reportName());
        pair(spec.label("run-id"), run.runId());
        pair(spec.label("kind"), run.kind());
        pair(spec.label("organization"), run.organizationId() == null ? "(no organization)" : run.organizationId());
        pair(spec.label("management-account"), run.managementAccountId());
        pair(spec.label("population"), String.format("%s: %d accounts discovered, %d in scope of this run",
                run.organizationId() == null ? "Single account" : "AWS Organizations " + run.organizationId(),
                context.accountsDiscovered(), context.coverage().size()));
        pair(spec.label("collected"), span(run.startedAt(), context.firstCollected(), context.lastCollected()));
        pair(spec.label("collected-by"), run.callerArn());
        pair(spec.label("generated"), time(context.generatedAt()));
        pair(spec.label("tool-version"), context.toolVersion());
        pair(spec.label("rule-catalog"), context.ruleCatalogVersion());
    }

    private void headline(ReportContext context, SummaryTally tally) {
        Row row = rows.row();
        String sentence = SummaryHeadline.of(context.coverage(),
                tally.count(Severity.CRITICAL, Finding.Status.FAIL), tally.count(Severity.HIGH, Finding.Status.FAIL),
                tally.newFindings(), tally.expiringExceptions(), EXPIRY_DAYS);
        rows.text(row, 0, sentence, styles.headline);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, COLUMNS - 1));
        row.setHeightInPoints(SheetCells.rowHeight(SheetCells.lines(sentence, 30 + 15 * (COLUMNS - 1)) + 1));
    }

    /** The counts, then every account in scope with its status and, when not audited, why. */
    private void coverage(ReportContext context) {
        CoverageSummary coverage = context.coverageSummary();
        section("coverage");
        pair(spec.label("accounts-total"), coverage.total());
        pair(Labels.coverage(AccountCoverage.Status.AUDITED), coverage.audited());
        pair(Labels.coverage(AccountCoverage.Status.SKIPPED), coverage.skipped());
        pair(Labels.coverage(AccountCoverage.Status.FAILED), coverage.failed());
        pair(Labels.coverage(AccountCoverage.Status.PENDING), coverage.pending());
        rows.headers("Account id", "Account name", "OU", "Status", "Reason");
        for (AccountCoverage account : context.coverage()) {
            Row row = rows.row();
            rows.text(row, 0, account.accountId(), styles.text);
            rows.text(row, 1, account.accountName(), styles.text);
            rows.text(row, 2, account.ouPath(), styles.text);
            rows.text(row, 3, Labels.coverage(account.status()), styles.text);
            rows.text(row, 4, account.reason(), styles.text);
        }
    }

    private void bySeverity(SummaryTally tally) {
        section("by-severity");
        rows.headers(List.of("Severity"), statusHeaders("Total"));
        int totalColumn = STATUSES.length + 1;
        int firstRow = rows.next();
        for (Severity severity : Severity.values()) {
            Row row = rows.row();
            rows.text(row, 0, severity.name(), styles.severity(severity.name(), styles.text));
            for (int i = 0; i < STATUSES.length; i++) {
                rows.number(row, i + 1, tally.count(severity, STATUSES[i]));
            }
            rows.number(row, totalColumn, tally.count(severity));
        }
        int lastRow = rows.next() - 1;
        Row total = rows.row();
        rows.text(total, 0, "Total", styles.label);
        for (int i = 0; i < STATUSES.length; i++) {
            long sum = 0;
            for (Severity severity : Severity.values()) {
                sum += tally.count(severity, STATUSES[i]);
            }
            rows.number(total, i + 1, sum);
        }
        rows.number(total, totalColumn, tally.total());
        // below its table and within the table's columns, so the printed Summary keeps a readable scale
        rows.skip();
        SeverityChart.add(sheet, spec.label("chart-title"), firstRow, lastRow, 0, totalColumn, 0, rows.next(),
                totalColumn + 1, CHART_ROWS, template.styles().headerFill());
        rows.skip(CHART_ROWS);
    }

    private static final int CHART_ROWS = 16;

    /**
     * Per framework control (SOC 2, ISO/IEC 27001:2022, NIST SP 800-53 r5, from rules/rule-display.yaml): the rules
     * that give evidence for it and their findings by status. A finding counts once under every control its rule
     * maps to, so the columns do not add up to the Findings sheet; the by-severity table does.
     */
    private void byFramework(SummaryTally tally) {
        section("by-framework");
        List<String> numbers = new ArrayList<>(List.of("Rules"));
        numbers.addAll(statusHeaders());
        rows.headers(List.of("Framework", "Control"), numbers);
        for (FrameworkTally.Line line : FrameworkTally.of(RuleDisplays.standard(), tally)) {
            Row row = rows.row();
            rows.text(row, 0, line.framework(), styles.text);
            rows.text(row, 1, line.control(), styles.text);
            rows.number(row, 2, line.rules());
            for (int i = 0; i < STATUSES.length; i++) {
                rows.number(row, i + 3, line.count(STATUSES[i]));
            }
        }
    }

    private void byPractice(SummaryTally tally) {
        section("by-practice");
        severityHeader("Best practice");
        tally.failByPractice().forEach((practice, counts) -> {
            Row row = rows.row();
            rows.text(row, 0, practice, styles.text);
            severityCounts(row, 1, counts);
        });
    }

    /** Every account in scope, audited or not (zeros for one not audited are its status, not a clean bill). */
    private void byAccount(ReportContext context, SummaryTally tally) {
        section("by-account");
        severityHeader("Account id", "Account name");
        Map<String, SummaryTally.Party> parties = new java.util.HashMap<>();
        tally.accounts().forEach(p -> parties.put(p.accountId, p));
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (AccountCoverage account : context.coverage()) {
            listed.add(account.accountId());
            SummaryTally.Party party = parties.get(account.accountId());
            Row row = rows.row();
            rows.text(row, 0, account.accountId(), styles.text);
            rows.text(row, 1, account.accountName(), styles.text);
            if (account.status() != AccountCoverage.Status.AUDITED && party == null) {
                rows.text(row, 2, Labels.coverage(account.status()) + ": not audited", styles.text);
            } else {
                severityCounts(row, 2, party == null ? Map.of() : party.bySeverity);
            }
        }
        for (SummaryTally.Party account : tally.accounts()) {
            if (!listed.contains(account.accountId)) { // findings of an account without coverage: still counted
                Row row = rows.row();
                rows.text(row, 0, account.accountId, styles.text);
                rows.text(row, 1, account.accountName, styles.text);
                severityCounts(row, 2, account.bySeverity);
            }
        }
    }

    private void topAccounts(SummaryTally tally) {
        section("top-accounts");
        rows.headers(List.of("Account id", "Account name"), List.of("FAIL findings", "Risk score"));
        for (SummaryTally.Party account : tally.topAccounts(template.topRisky())) {
            Row row = rows.row();
            rows.text(row, 0, account.accountId, styles.text);
            rows.text(row, 1, account.accountName, styles.text);
            rows.number(row, 2, account.fails);
            rows.number(row, 3, account.score);
        }
    }

    private void topIdentities(SummaryTally tally) {
        section("top-identities");
        Row head = rows.row();
        String[] titles = {"Account id", "Identity", "Type", "FAIL findings", "Risk score", "ARN"};
        for (int i = 0; i < titles.length; i++) {
            rows.text(head, i, titles[i], i == 3 || i == 4 ? styles.headerNumeric : styles.header);
        }
        for (SummaryTally.Party identity : tally.topIdentities(template.topRisky())) {
            Row row = rows.row();
            rows.text(row, 0, identity.accountId, styles.text);
            Link link = ConsoleLinks.principal(identity.type, identity.name, identity.arn);
            Cell name = rows.text(row, 1, identity.name, styles.link);
            XSSFHyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(link.url());
            name.setHyperlink(hyperlink);
            rows.text(row, 2, PrincipalTypes.label(identity.type), styles.text);
            rows.number(row, 3, identity.fails);
            rows.number(row, 4, identity.score);
            rows.text(row, 5, identity.arn, styles.text);
        }
    }

    private void severityHeader(String... leading) {
        List<String> numbers = new ArrayList<>(Arrays.stream(Severity.values()).map(Severity::name).toList());
        numbers.add("Total");
        rows.headers(List.of(leading), numbers);
    }

    /** The finding statuses' labels, then any further headers. */
    private static List<String> statusHeaders(String... more) {
        List<String> headers = new ArrayList<>(Arrays.stream(STATUSES).map(Labels::status).toList());
        headers.addAll(List.of(more));
        return headers;
    }

    private void severityCounts(Row row, int firstColumn, Map<Severity, Long> counts) {
        long total = 0;
        for (Severity s : Severity.values()) {
            long n = counts.getOrDefault(s, 0L);
            rows.number(row, firstColumn + s.ordinal(), n);
            total += n;
        }
        rows.number(row, firstColumn + Severity.values().length, total);
    }

    private void section(String labelKey) {
        rows.skip();
        rows.section(spec.label(labelKey));
    }

    private void pair(String label, Object value) {
        Row row = rows.labelled(label, styles.label);
        if (value instanceof Number n) {
            rows.number(row, 1, n.longValue());
        } else {
            rows.text(row, 1, value == null ? "" : value.toString(), styles.text);
        }
    }

    private static String span(Instant started, Instant first, Instant last) {
        String run = "run started " + time(started);
        return first == null ? run + "; nothing collected" : run + "; accounts collected " + time(first) + " to "
                + time(last);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
