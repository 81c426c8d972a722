package io.iamaudit.history;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The findings ledger in memory, and how a run updates it. Recording is idempotent and order-tolerant: recording
 * the same run twice (a restart after the ledger was written) changes nothing, and an older run recorded late (a
 * restarted old run) never moves last-seen back or resolves a finding a newer run reported.
 */
public final class FindingLedger {
    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

    public static FindingLedger of(Collection<LedgerEntry> entries) {
        FindingLedger ledger = new FindingLedger();
        entries.forEach(e -> ledger.entries.put(e.findingId(), e));
        return ledger;
    }

    public Collection<LedgerEntry> entries() {
        return entries.values();
    }

    public Optional<LedgerEntry> entry(String findingId) {
        return Optional.ofNullable(entries.get(findingId));
    }

    public int size() {
        return entries.size();
    }

    /** Applies a run: its findings are seen; findings of its audited accounts it did not report are resolved. */
    public void record(RunSightings run) {
        Instant at = run.startedAt();
        Set<String> reported = new HashSet<>();
        Set<String> notEvaluated = new HashSet<>();
        for (RunSightings.Sighting s : run.findings()) {
            if (!run.audited().contains(s.accountId())) {
                continue;
            }
            reported.add(s.findingId());
            if (s.notEvaluated()) {
                notEvaluated.add(s.accountId() + "|" + s.ruleId());
            }
            entries.put(s.findingId(), seen(entries.get(s.findingId()), s, run.runId(), at));
        }
        Map<String, LedgerEntry> resolved = new HashMap<>();
        for (LedgerEntry e : entries.values()) {
            boolean gone = run.audited().contains(e.accountId()) && !reported.contains(e.findingId())
                    && !notEvaluated.contains(e.accountId() + "|" + e.ruleId());
            if (gone && at.isAfter(e.lastSeen()) && (e.resolved() == null || at.isBefore(e.resolved()))) {
                resolved.put(e.findingId(), new LedgerEntry(e.findingId(), e.accountId(), e.ruleId(), e.firstSeen(),
                        e.lastSeen(), e.firstRun(), e.lastRun(), at));
            }
        }
        entries.putAll(resolved);
    }

    private static LedgerEntry seen(LedgerEntry e, RunSightings.Sighting s, String runId, Instant at) {
        // the date the run's report shows (its collection time, or an earlier carried date), not the run's start
        Instant reportedFirst = s.firstSeen() == null ? at : s.firstSeen();
        if (e == null) {
            return new LedgerEntry(s.findingId(), s.accountId(), s.ruleId(), reportedFirst, at, runId, runId, null);
        }
        Instant firstSeen = reportedFirst.isBefore(e.firstSeen()) ? reportedFirst : e.firstSeen();
        String firstRun = reportedFirst.isBefore(e.firstSeen()) && at.isBefore(e.lastSeen()) ? runId : e.firstRun();
        if (at.isBefore(e.lastSeen())) {
            // an older run recorded late: it can only tell that the finding is older than we knew
            return new LedgerEntry(e.findingId(), e.accountId(), e.ruleId(), firstSeen, e.lastSeen(), firstRun,
                    e.lastRun(), e.resolved());
        }
        // a run before the recorded resolution (a restarted old run) moves last-seen but does not reopen
        Instant resolved = e.resolved() != null && at.isBefore(e.resolved()) ? e.resolved() : null;
        return new LedgerEntry(e.findingId(), e.accountId(), s.ruleId(), firstSeen, at, firstRun, runId, resolved);
    }
}
