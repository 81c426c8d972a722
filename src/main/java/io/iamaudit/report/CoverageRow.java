package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;

/**
 * One Coverage row: how the account was collected, and how many rules threw while analysing it. A rule that throws
 * leaves its findings not evaluated for that account, so the count belongs beside the collection status.
 */
public record CoverageRow(AccountCoverage coverage, long ruleErrors) {

    public static CoverageRow collected(AccountCoverage coverage) {
        return new CoverageRow(coverage, 0);
    }
}
