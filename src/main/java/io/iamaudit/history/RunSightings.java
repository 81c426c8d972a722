package io.iamaudit.history;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one published run says about history: which accounts it audited and the findings it reported there.
 *
 * @param startedAt the run's start: what orders runs
 * @param audited   the accounts the run audited; every other account's history is left alone
 * @param findings  the run's findings in audited accounts (NOT_EVALUATED rows included: they mark a rule whose data
 *                  was missing, whose earlier findings are therefore not resolved)
 */
public record RunSightings(String runId, Instant startedAt, Set<String> audited, List<Sighting> findings) {

    public RunSightings {
        audited = Set.copyOf(audited);
        findings = List.copyOf(findings);
    }

    /**
     * One finding reported by the run.
     *
     * @param firstSeen the first-seen date the run's report shows for it
     */
    public record Sighting(String findingId, String accountId, String ruleId, Instant firstSeen,
                           boolean notEvaluated) {
    }
}
