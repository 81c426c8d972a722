package io.iamaudit.report;

/**
 * Limits of the workbook writer, injectable so tests can prove the overflow with small numbers.
 *
 * @param windowSize       rows SXSSF keeps in memory per sheet before flushing to its (compressed) temp file
 * @param maxRowsPerSheet  rows per sheet including the header; Excel's limit is 1,048,576, past it a table
 *                         continues in a numbered sheet ("Findings (2)")
 */
public record WorkbookLimits(int windowSize, int maxRowsPerSheet) {
    public static final int EXCEL_MAX_ROWS = 1_048_576;

    public WorkbookLimits {
        if (windowSize < 1 || maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException("invalid workbook limits: window " + windowSize + ", rows "
                    + maxRowsPerSheet);
        }
    }

    public static WorkbookLimits excel() {
        return new WorkbookLimits(100, EXCEL_MAX_ROWS);
    }

    public WorkbookLimits withMaxRowsPerSheet(int rows) {
        return new WorkbookLimits(windowSize, rows);
    }
}
