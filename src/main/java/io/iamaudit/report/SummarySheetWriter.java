package io.iamaudit.report;

import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private int next;

    SummarySheetWriter(XSSFSheet sheet, WorkbookStyles styles, ReportTemplate template) {
        this.sheet = sheet;
        this.styles = styles;
        this.template = template;
        this.spec = template.summary();
    }

    void write(ReportContext context, SummaryTally tally, Map<String, Long> rowsBySheet) {
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 44 * 256);
        for (int c = 2; c < 9; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        text(row(), 0, spec.title(), styles.title);
        next++;
        header(context);
        coverage(context.coverageSummary());
        section("rows");
        rowsBySheet.forEach((name, rows) -> pair(name, rows));
        bySeverity(tally);
        byPractice(tally);
        byAccount(tally);
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

    private void coverage(CoverageSummary coverage) {
        section("coverage");
        pair(spec.label("accounts-total"), coverage.total());
        pair("AUDITED", coverage.audited());
        pair("SKIPPED", coverage.skipped());
        pair("FAILED", coverage.failed());
        pair("PENDING", coverage.pending());
    }

    private void bySeverity(SummaryTally tally) {
        section("by-severity");
        Row head = row();
        text(head, 0, "Severity", styles.header);
        for (int i = 0; i < STATUSES.length; i++) {
            text(head, i + 1, STATUSES[i].name(), styles.header);
        }
        int totalColumn = STATUSES.length + 1;
        text(head, totalColumn, "Total", styles.header);
        int firstRow = next;
        for (Severity severity : Severity.values()) {
            Row row = row();
            text(row, 0, severity.name(), styles.severity(severity.name(), styles.text));
            for (int i = 0; i < STATUSES.length; i++) {
                number(row, i + 1, tally.count(severity, STATUSES[i]));
            }
            number(row, totalColumn, tally.count(severity));
        }
        int lastRow = next - 1;
        Row total = row();
        text(total, 0, "Total", styles.label);
        number(total, totalColumn, tally.total());
        SeverityChart.add(sheet, spec.label("chart-title"), firstRow, lastRow, 0, totalColumn, 10, 1,
                template.styles().headerFill());
    }

    private void byPractice(SummaryTally tally) {
        section("by-practice");
        severityHeader("Best practice");
        tally.failByPractice().forEach((practice, counts) -> {
            Row row = row();
            text(row, 0, practice, styles.text);
            severityCounts(row, 1, counts);
        });
    }

    private void byAccount(SummaryTally tally) {
        section("by-account");
        severityHeader("Account id", "Account name");
        for (SummaryTally.Party account : tally.accounts()) {
            Row row = row();
            text(row, 0, account.accountId, styles.text);
            text(row, 1, account.accountName, styles.text);
            severityCounts(row, 2, account.bySeverity);
        }
    }

    private void topAccounts(SummaryTally tally) {
        section("top-accounts");
        headerRow("Account id", "Account name", "FAIL findings", "Risk score");
        for (SummaryTally.Party account : tally.topAccounts(template.topRisky())) {
            Row row = row();
            text(row, 0, account.accountId, styles.text);
            text(row, 1, account.accountName, styles.text);
            number(row, 2, account.fails);
            number(row, 3, account.score);
        }
    }

    private void topIdentities(SummaryTally tally) {
        section("top-identities");
        headerRow("Account id", "Identity", "Type", "FAIL findings", "Risk score", "ARN");
        for (SummaryTally.Party identity : tally.topIdentities(template.topRisky())) {
            Row row = row();
            text(row, 0, identity.accountId, styles.text);
            Link link = ConsoleLinks.principal(identity.type, identity.name, identity.arn);
            Cell name = text(row, 1, identity.name, styles.link);
            XSSFHyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(link.url());
            name.setHyperlink(hyperlink);
            text(row, 2, PrincipalTypes.label(identity.type), styles.text);
            number(row, 3, identity.fails);
            number(row, 4, identity.score);
            text(row, 5, identity.arn, styles.text);
        }
    }

    private void severityHeader(String... leading) {
        String[] headers = new String[leading.length + Severity.values().length + 1];
        System.arraycopy(leading, 0, headers, 0, leading.length);
        for (Severity s : Severity.values()) {
            headers[leading.length + s.ordinal()] = s.name();
        }
        headers[headers.length - 1] = "Total";
        headerRow(headers);
    }

    private void severityCounts(Row row, int firstColumn, Map<Severity, Long> counts) {
        long total = 0;
        for (Severity s : Severity.values()) {
            long n = counts.getOrDefault(s, 0L);
            number(row, firstColumn + s.ordinal(), n);
            total += n;
        }
        number(row, firstColumn + Severity.values().length, total);
    }

    private void headerRow(String... headers) {
        Row row = row();
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], styles.header);
        }
    }

    private void section(String labelKey) {
        next++;
        text(row(), 0, spec.label(labelKey), styles.section);
    }

    private void pair(String label, Object value) {
        Row row = row();
        text(row, 0, label, styles.label);
        if (value instanceof Number n) {
            number(row, 1, n.longValue());
        } else {
            text(row, 1, value == null ? "" : value.toString(), styles.text);
        }
    }

    private Row row() {
        return sheet.createRow(next++);
    }

    private static Cell text(Row row, int column, String value, CellStyle style) {
        return SheetCells.text(row, column, value, style);
    }

    private void number(Row row, int column, long value) {
        SheetCells.number(row, column, value, styles.integer);
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
