package io.iamaudit.quarterly;

import io.iamaudit.stage.Severity;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One account's line of the Accounts sheet: its findings at quarter end by state and severity, and its runs. */
record AccountRow(AccountStats stats, Map<Severity, Long> open, Map<Severity, Long> resolved, long excepted) {

    static final String NEVER_AUDITED = "Never audited in the quarter";

    /**
     * Why the account is an evidence gap: no run of the quarter audited it, so its zeros mean "not looked at", not
     * "clean". {@code null} when some run audited it.
     */
    String gap() {
        if (stats.audited() > 0) {
            return null;
        }
        return NEVER_AUDITED + " (runs failed " + stats.failed() + ", skipped " + stats.skipped() + ")";
    }

    long openTotal() {
        return open.values().stream().mapToLong(Long::longValue).sum();
    }

    long resolvedTotal() {
        return resolved.values().stream().mapToLong(Long::longValue).sum();
    }

    static List<AccountRow> of(QuarterHistory history) {
        Map<String, Map<Severity, Long>> open = new HashMap<>();
        Map<String, Map<Severity, Long>> resolved = new HashMap<>();
        Map<String, Long> excepted = new HashMap<>();
        for (FindingState f : history.findings()) {
            switch (f.state()) {
                case OPEN -> count(open, f);
                case RESOLVED -> count(resolved, f);
                case EXCEPTED -> excepted.merge(f.accountId(), 1L, Long::sum);
                case NOT_EVALUATED -> { }
            }
        }
        return history.accounts().stream().map(a -> new AccountRow(a,
                open.getOrDefault(a.accountId(), Map.of()), resolved.getOrDefault(a.accountId(), Map.of()),
                excepted.getOrDefault(a.accountId(), 0L))).toList();
    }

    private static void count(Map<String, Map<Severity, Long>> counts, FindingState f) {
        if (f.severity() != null) {
            counts.computeIfAbsent(f.accountId(), k -> new EnumMap<>(Severity.class))
                    .merge(f.severity(), 1L, Long::sum);
        }
    }
}
