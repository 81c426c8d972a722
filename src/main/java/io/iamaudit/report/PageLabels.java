package io.iamaudit.report;

/**
 * What every printed page of a workbook says about where it comes from: the report, the run (or quarter), the
 * organization in the page header; the classification label in the footer, beside the sheet name and page number.
 */
public record PageLabels(String report, String run, String organization, String classification) {
}
