package io.iamaudit.quarterly;

import io.iamaudit.report.ColumnSpec;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what auditors wrote in an earlier quarterly workbook ("Findings at quarter end": Reviewer, Decision, Ticket,
 * Due date, Justification) by finding id, plus the first-seen date of findings still unresolved there, so a finding
 * open since an earlier quarter keeps its true age. Columns are found by their template header, so a sheet the
 * auditor re-sorted or filtered still reads. The sheet is read as a SAX stream (POI's event API): a big
 * organization's workbook would not fit in memory as a full XSSF model.
 */
public final class PreviousWorkbook {

    private PreviousWorkbook() {
    }

    /** @throws QuarterlyUsageException with a one-line reason when the file is no readable quarterly workbook */
    public static Map<String, AuditorDecision> read(Path file, QuarterlyTemplate template) {
        String sheetName = template.findings().sheet();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (sheetName.equals(sheets.getSheetName())) {
                        Rows rows = new Rows(template);
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                                reader.getSharedStringsTable(), rows, new IsoDates(), false));
                        xml.parse(new InputSource(sheet));
                        if (rows.idColumn < 0) {
                            throw unreadable(file, "sheet '" + sheetName + "' has no '"
                                    + header(template, "finding_id") + "' column");
                        }
                        return rows.decisions;
                    }
                }
            }
            throw unreadable(file, "no sheet '" + sheetName + "' (not a quarterly workbook)");
        } catch (QuarterlyUsageException e) {
            throw e;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw unreadable(file, reason.lines().findFirst().orElse(reason));
        }
    }

    private static QuarterlyUsageException unreadable(Path file, String reason) {
        return new QuarterlyUsageException("--previous", "cannot read workbook '" + file + "': " + reason);
    }

    private static String header(QuarterlyTemplate template, String key) {
        return template.findings().columns().stream().filter(c -> c.key().equals(key)).map(ColumnSpec::header)
                .findFirst().orElse(key);
    }

    /** Collects the decisions row by row: the first row is the header. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final QuarterlyTemplate template;
        private final Map<String, AuditorDecision> decisions = new HashMap<>();
        private final Map<Integer, String> keyByColumn = new HashMap<>();
        private final Map<String, String> row = new HashMap<>();
        private boolean header = true;
        private int idColumn = -1;

        Rows(QuarterlyTemplate template) {
            this.template = template;
        }

        @Override
        public void startRow(int rowNum) {
            row.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            String text = value == null ? "" : value.strip();
            if (header) {
                for (ColumnSpec spec : template.findings().columns()) {
                    if (spec.header().equals(text)) {
                        keyByColumn.putIfAbsent(column, spec.key());
                        if (spec.key().equals("finding_id") && idColumn < 0) {
                            idColumn = column;
                        }
                    }
                }
            } else if (!text.isEmpty() && keyByColumn.containsKey(column)) {
                row.put(keyByColumn.get(column), text);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (header) {
                header = false;
                return;
            }
            String findingId = row.get("finding_id");
            if (findingId == null) {
                return;
            }
            LocalDate resolved = date(row.get("resolved"));
            AuditorDecision decision = new AuditorDecision(row.get("reviewer"), row.get("decision"),
                    row.get("ticket"), date(row.get("due_date")), row.get("justification"),
                    resolved == null ? date(row.get("first_seen")) : null);
            if (!decision.isEmpty() || decision.firstSeen() != null) {
                decisions.put(findingId, decision);
            }
        }
    }

    /** An ISO date, as {@link IsoDates} renders date cells (an auditor may also type 2027-01-31 as text). */
    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Renders every date-formatted number as an ISO date, whatever display format the auditor chose. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
