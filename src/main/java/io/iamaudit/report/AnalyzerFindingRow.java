package io.iamaudit.report;

import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;

/** An Access Analyzer finding as seen from the account whose snapshot carried it. */
public record AnalyzerFindingRow(String accountId, AnalyzerFinding finding) {
}
