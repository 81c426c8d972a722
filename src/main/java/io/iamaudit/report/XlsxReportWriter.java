package io.iamaudit.report;

import io.iamaudit.stage.Finding;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the auditor's workbook with Apache POI SXSSF: data sheets stream through a small row window into temp files,
 * so memory stays flat for any row count. Summary is a plain XSSF sheet created on the underlying
 * workbook after streaming (it needs the totals, and XDDF charts need an XSSFSheet), then moved to the front.
 */
public final class XlsxReportWriter {
    private final ReportTemplate template;
    private final WorkbookLimits limits;

    public XlsxReportWriter(ReportTemplate template, WorkbookLimits limits) {
        this.template = template;
        this.limits = limits;
    }

    public XlsxReportWriter(ReportTemplate template) {
        this(template, WorkbookLimits.excel());
    }

    /** The workbook's file name for a run. */
    public static String fileName(String runId) {
        return "iam-audit-" + runId + ".xlsx";
    }

    public ReportFile write(ReportSource source, ReportContext context, Path file) {
        return write(context, source.findings(), source.otherTables(), file);
    }

    /** Writes Findings (counted into the Summary as it streams), the other tables in order, then Summary. */
    public ReportFile write(ReportContext context, TableRows<Finding> findings, List<TableRows<?>> others, Path file) {
        // temp files uncompressed: gzipping every sheet's rows on the way to disk, then unzipping them into the final
        // zip, was about a sixth of the workbook thread's CPU at 800 accounts (JFR native samples in Deflater); the
        // temp files are deleted once the workbook is written, and the workbook's own zip is compressed as before
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), limits.windowSize(), false, false);
        Map<String, Long> rowsBySheet = WorkbookFile.write(workbook, file, w -> fill(w, context, findings, others));
        long dataRows = rowsBySheet.values().stream().mapToLong(Long::longValue).sum();
        return new ReportFile(fileName(context.runId()), file, dataRows, rowsBySheet);
    }

    private Map<String, Long> fill(SXSSFWorkbook workbook, ReportContext context, TableRows<Finding> findings,
                                   List<TableRows<?>> others) {
        WorkbookStyles styles = new WorkbookStyles(workbook, template.styles());
        PageLabels labels = labels(context);
        SummaryTally tally = new SummaryTally(template::riskWeight, template.summary().label("no-practice"))
                .watching(context.run().startedAt(), context.generatedAt() == null ? null
                        : context.generatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                        .plusDays(SummarySheetWriter.EXPIRY_DAYS));
        Map<String, Long> rowsBySheet = new LinkedHashMap<>();
        try (Stream<Finding> rows = findings.rows().get()) {
            rowsBySheet.putAll(sheetWriter(workbook, findings.table(), styles, labels).write(rows.peek(tally::add)));
        }
        for (TableRows<?> table : others) {
            rowsBySheet.putAll(writeTable(workbook, table, styles, labels));
        }
        XSSFWorkbook xssf = workbook.getXSSFWorkbook();
        XSSFSheet summary = xssf.createSheet(template.summary().sheet());
        new SummarySheetWriter(summary, styles, template).write(context, tally, rowsBySheet);
        PrintLayout.page(summary, labels);
        SheetCells.protect(summary);
        xssf.setSheetOrder(summary.getSheetName(), 0);
        xssf.setActiveSheet(0);
        xssf.setSelectedTab(0);
        properties(xssf.getProperties(), context);
        return rowsBySheet;
    }

    private <R> Map<String, Long> writeTable(SXSSFWorkbook workbook, TableRows<R> table, WorkbookStyles styles,
                                             PageLabels labels) {
        try (Stream<R> rows = table.rows().get()) {
            return sheetWriter(workbook, table.table(), styles, labels).write(rows);
        }
    }

    private <R> TableSheetWriter<R> sheetWriter(SXSSFWorkbook workbook, Table<R> table, WorkbookStyles styles,
                                                PageLabels labels) {
        return new TableSheetWriter<>(workbook, table, styles, limits, template.decisions(), labels);
    }

    private PageLabels labels(ReportContext context) {
        String organization = context.run().organizationId();
        return new PageLabels(template.reportName(), "Run " + context.runId(),
                organization == null ? "Account " + context.run().managementAccountId() : "Organization " + organization,
                template.classification());
    }

    /** The run id travels in the file itself, so a workbook separated from its folder can still be traced. */
    private void properties(POIXMLProperties properties, ReportContext context) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(template.reportName());
        core.setSubjectProperty("Run " + context.runId());
        core.setIdentifier(context.runId());
        core.setKeywords("iam-audit; run " + context.runId());
        core.setCreator("iam-audit " + context.toolVersion());
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("RunId", context.runId());
        custom.addProperty("Organization", String.valueOf(context.run().organizationId()));
        custom.addProperty("ToolVersion", String.valueOf(context.toolVersion()));
        custom.addProperty("RuleCatalog", String.valueOf(context.ruleCatalogVersion()));
    }

}
