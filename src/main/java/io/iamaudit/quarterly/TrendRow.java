package io.iamaudit.quarterly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO week of the quarter and the last run used in it ({@code null}: no usable run that week).
 *
 * @param gap why the week is an evidence gap, {@code null} when it has a complete run (every account in scope
 *            audited, none failed) or is {@code pending}
 * @param pending the week was not over yet when the report was built (a preliminary report)
 */
record TrendRow(String week, LocalDate weekStart, RunRecord run, String gap, boolean pending) {
    static final String NO_RUN = "No usable run this week";
    static final String NO_COMPLETE_RUN = "No complete run: accounts failed in every run this week";

    /**
     * @param builtOn the day the report is built: a week still under way then is not (yet) a gap
     */
    static List<TrendRow> of(Quarter quarter, List<RunRecord> usedRuns, LocalDate builtOn) {
        List<TrendRow> rows = new ArrayList<>();
        for (LocalDate monday : quarter.weekStarts()) {
            LocalDate sunday = monday.plusDays(6);
            RunRecord last = null;
            boolean complete = false;
            for (RunRecord run : usedRuns) {
                LocalDate day = run.folder().day();
                if (!day.isBefore(monday) && !day.isAfter(sunday)) {
                    last = run;
                    complete |= run.accountsFailed() == 0;
                }
            }
            LocalDate lastDay = sunday.isAfter(quarter.end()) ? quarter.end() : sunday;
            // A week not over on the day the report is built (a preliminary report) may still get its run.
            boolean pending = !lastDay.isBefore(builtOn);
            String gap = complete || pending ? null : last == null ? NO_RUN : NO_COMPLETE_RUN;
            rows.add(new TrendRow(Quarter.isoWeek(monday), monday, last, gap, pending));
        }
        return rows;
    }
}
