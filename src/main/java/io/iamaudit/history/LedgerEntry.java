package io.iamaudit.history;

import java.time.Instant;

/**
 * One finding's history.
 *
 * @param firstSeen the first-seen date the reports show (the earliest run that reported it, or an earlier date that
 *                  run carried over)
 * @param lastSeen  the start of the newest run that reported it
 * @param resolved  the start of the first run after {@code lastSeen} that audited the account and evaluated the rule
 *                  without reporting it; {@code null} while open
 */
public record LedgerEntry(String findingId, String accountId, String ruleId, Instant firstSeen, Instant lastSeen,
                          String firstRun, String lastRun, Instant resolved) {
}
