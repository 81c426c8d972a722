package io.iamaudit.quarterly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO week of the quarter and the last run used in it ({@code null}: no usable run that week).
 */
record TrendRow(String week, LocalDate weekStart, RunRecord run) {

    static List<TrendRow> of(Quarter quarter, List<RunRecord> usedRuns) {
        List<TrendRow> rows = new ArrayList<>();
        for (LocalDate monday : quarter.weekStarts()) {
            LocalDate sunday = monday.plusDays(6);
            RunRecord last = null;
            for (RunRecord run : usedRuns) {
                LocalDate day = run.folder().day();
                if (!day.isBefore(monday) && !day.isAfter(sunday)) {
                    last = run;
                }
            }
            rows.add(new TrendRow(Quarter.isoWeek(monday), monday, last));
        }
        return rows;
    }
}
