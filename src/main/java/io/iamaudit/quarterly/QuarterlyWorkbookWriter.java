package io.iamaudit.quarterly;

import io.iamaudit.report.PageLabels;
import io.iamaudit.report.PrintLayout;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.WorkbookFile;
import io.iamaudit.report.SheetCells;
import io.iamaudit.report.Table;
import io.iamaudit.report.TableSheetWriter;
import io.iamaudit.report.WorkbookLimits;
import io.iamaudit.report.WorkbookStyles;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the quarterly auditor workbook with POI SXSSF: Summary, Findings at quarter end, Weekly trend, Accounts and
 * Runs. Everything is computed before writing (the per-finding state is in memory anyway), so Summary comes first
 * and its totals are the counts of the rows written after it. The tables are written by the nightly workbook's
 * {@link TableSheetWriter}: past the row limit a table continues in "Name (2)", as in the nightly workbook.
 */
public final class QuarterlyWorkbookWriter {
    private final ReportTemplate nightly;
    private final QuarterlyTemplate template;
    private final WorkbookLimits limits;

    public QuarterlyWorkbookWriter(ReportTemplate nightly, QuarterlyTemplate template) {
        this(nightly, template, WorkbookLimits.excel());
    }

    QuarterlyWorkbookWriter(ReportTemplate nightly, QuarterlyTemplate template, WorkbookLimits limits) {
        this.nightly = nightly;
        this.template = template;
        this.limits = limits;
    }

    /** Returns the data rows per sheet. */
    Map<String, Long> write(QuarterlyContext context, QuarterlyTables tables, Path file) {
        QuarterHistory history = context.history();
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), limits.windowSize(), true, false);
        return WorkbookFile.write(workbook, file, w -> {
            WorkbookStyles styles = new WorkbookStyles(workbook, nightly.styles());
            // Every printed page says PRELIMINARY, so no page taken out of an unfinished quarter's report looks final.
            PageLabels labels = new PageLabels(template.reportName(), "Quarter " + history.quarter()
                    + (context.preliminary() ? " PRELIMINARY" : ""),
                    "Organization " + history.organizationId(), nightly.classification());

            new QuarterlySummaryWriter(workbook.createSheet(template.sheets().summary()), styles, template)
                    .write(context, tables);
            SheetCells.protect(workbook.getXSSFWorkbook().getSheet(template.sheets().summary()));
            PrintLayout.page(workbook.getSheet(template.sheets().summary()), labels);
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.putAll(table(workbook, tables.findings, history.findings(), styles, labels));
            rows.putAll(table(workbook, tables.trend, tables.trendRows, styles, labels));
            rows.putAll(table(workbook, tables.accounts, tables.accountRows, styles, labels));
            rows.putAll(table(workbook, tables.runs, history.runs(), styles, labels));
            properties(workbook.getXSSFWorkbook().getProperties(), context);
            return rows;
        });
    }

    private <R> Map<String, Long> table(SXSSFWorkbook workbook, Table<R> table, List<R> rows, WorkbookStyles styles,
                                        PageLabels labels) {
        return new TableSheetWriter<>(workbook, table, styles, limits, nightly.decisions(), labels).write(rows.stream());
    }

    /** The quarter travels in the file itself, so a workbook separated from its folder can still be traced. */
    private void properties(POIXMLProperties properties, QuarterlyContext context) {
        QuarterHistory history = context.history();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(template.reportName() + (context.preliminary() ? " (PRELIMINARY)" : ""));
        core.setSubjectProperty("Quarter " + history.quarter());
        core.setIdentifier(history.quarter().toString());
        core.setKeywords("iam-audit; quarter " + history.quarter());
        core.setCreator("iam-audit " + context.toolVersion());
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("Quarter", history.quarter().toString());
        custom.addProperty("Organization", String.valueOf(history.organizationId()));
        custom.addProperty("AsOf", String.valueOf(history.asOf()));
        custom.addProperty("Preliminary", context.preliminary());
        custom.addProperty("ToolVersion", String.valueOf(context.toolVersion()));
    }
}
