package io.iamaudit.quarterly;

import io.iamaudit.stage.Severity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the quarter knows about one finding: its descriptive fields from the last sighting, when it was first and
 * last seen, and when it was resolved. Mutable and compact on purpose: a quarter of nightly runs over a large
 * organization is one of these per finding, never every row.
 */
public final class FindingState {

    /** The finding's state at the end of the quarter. */
    public enum State { OPEN, RESOLVED, EXCEPTED, NOT_EVALUATED }

    private final String findingId;
    private Sighting last;
    private LocalDate firstSeen;
    private LocalDate lastSeen;
    private LocalDate resolved;
    private int runsSeen;
    private int lastRun = -1;
    private AuditorDecision carried;

    FindingState(String findingId) {
        this.findingId = findingId;
    }

    /** Records a sighting in run number {@code run} (runs are applied in date order); a resolved finding reopens. */
    void seen(int run, LocalDate day, Sighting sighting) {
        if (lastRun == run) {
            last = sighting;
            return;
        }
        if (firstSeen == null) {
            firstSeen = day;
        }
        lastSeen = day;
        resolved = null;
        runsSeen++;
        lastRun = run;
        last = sighting;
    }

    /** Called for a run that audited the finding's account without reporting it: the finding is gone. */
    void absentFrom(int run, LocalDate day) {
        if (resolved == null && lastRun < run) {
            resolved = day;
        }
    }

    void carry(AuditorDecision decision) {
        this.carried = decision;
    }

    /** The first sighting's date, or an earlier one carried from last quarter's workbook. */
    void firstSeenNoLaterThan(LocalDate day) {
        if (day != null && day.isBefore(firstSeen)) {
            firstSeen = day;
        }
    }

    public State state() {
        if (resolved != null) {
            return State.RESOLVED;
        }
        return switch (last.status() == null ? "" : last.status()) {
            case Sighting.EXCEPTED -> State.EXCEPTED;
            case Sighting.NOT_EVALUATED -> State.NOT_EVALUATED;
            default -> State.OPEN;
        };
    }

    /** Days from first seen to resolved, or to {@code asOf} (the last run used) when not resolved. */
    public long daysOpen(LocalDate asOf) {
        return ChronoUnit.DAYS.between(firstSeen, resolved != null ? resolved : asOf);
    }

    public String findingId() {
        return findingId;
    }

    public Sighting last() {
        return last;
    }

    public Severity severity() {
        return last.severity();
    }

    public String accountId() {
        return last.accountId();
    }

    public LocalDate firstSeen() {
        return firstSeen;
    }

    public LocalDate lastSeen() {
        return lastSeen;
    }

    public LocalDate resolved() {
        return resolved;
    }

    public int runsSeen() {
        return runsSeen;
    }

    int lastRun() {
        return lastRun;
    }

    /** Carried forward from the previous workbook, or {@link AuditorDecision#NONE}. */
    public AuditorDecision carried() {
        return carried == null ? AuditorDecision.NONE : carried;
    }
}
