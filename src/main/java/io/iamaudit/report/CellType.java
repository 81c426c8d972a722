package io.iamaudit.report;

/**
 * How a column's values are typed in the workbook (a real number, a real date) and formatted in the csv.
 * PERCENT values are percentage points (0-100).
 */
public enum CellType {
    TEXT, INTEGER, DECIMAL, PERCENT, DATE_TIME, DATE, LINK
}
