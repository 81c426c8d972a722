/**
 * The auditor's outputs: one table definition per table (columns from {@code reports-templates/workbook.yaml},
 * extractors bound in code) serves both the xlsx workbook and the csv files. Reads the staged run only through
 * {@link io.iamaudit.stage.StagingRepository}; no AWS SDK here.
 */
package io.iamaudit.report;
