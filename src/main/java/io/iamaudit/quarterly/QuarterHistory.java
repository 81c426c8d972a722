package io.iamaudit.quarterly;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything read from the store for one quarter.
 *
 * @param source   where the runs were read from
 * @param runs     every run folder considered, used or skipped, in date order
 * @param findings one state per finding seen in a used run
 * @param accounts per account, in account id order
 * @param asOf     the date of the last run used: "quarter end" for a quarter still running
 */
public record QuarterHistory(Quarter quarter, String organizationId, String source, List<RunRecord> runs,
                             List<FindingState> findings, List<AccountStats> accounts, LocalDate asOf) {
    public QuarterHistory {
        runs = List.copyOf(runs);
        findings = List.copyOf(findings);
        accounts = List.copyOf(accounts);
    }

    public List<RunRecord> usedRuns() {
        return runs.stream().filter(RunRecord::used).toList();
    }
}
