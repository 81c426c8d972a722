package io.iamaudit.history;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingLedgerTest {

    static final Instant DAY1 = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-12-02T02:00:00Z");
    static final Instant DAY3 = Instant.parse("2026-12-03T02:00:00Z");
    static final String A = "100000000001";
    static final String B = "100000000002";

    @Test
    void anAccountThatWasNotAuditedKeepsItsHistoryAndALookAlikeAuditedAccountResolves() {
        // given both accounts' findings seen on day 1
        FindingLedger ledger = new FindingLedger();
        ledger.record(run("r1", DAY1, Set.of(A, B), seen("fa", A, "R1", DAY1), seen("fb", B, "R1", DAY1)));

        // when day 2 fails account B (not audited) and account A no longer reports fa
        ledger.record(run("r2", DAY2, Set.of(A)));
        // and day 3 audits both again, both reporting their finding
        ledger.record(run("r3", DAY3, Set.of(A, B), seen("fa", A, "R1", DAY3), seen("fb", B, "R1", DAY3)));

        // then fb was never resolved and keeps day 1; fa was resolved on day 2 and reopened on day 3, first seen day 1
        LedgerEntry fb = ledger.entry("fb").orElseThrow();
        assertThat(fb.firstSeen()).isEqualTo(DAY1);
        assertThat(fb.firstRun()).isEqualTo("r1");
        assertThat(fb.lastRun()).isEqualTo("r3");
        assertThat(fb.resolved()).isNull();
        LedgerEntry fa = ledger.entry("fa").orElseThrow();
        assertThat(fa.firstSeen()).isEqualTo(DAY1);
        assertThat(fa.resolved()).isNull();
        assertThat(fa.lastSeen()).isEqualTo(DAY3);
    }

    @Test
    void aFindingMissingFromAnAuditedAccountIsResolvedUnlessItsRuleWasNotEvaluated() {
        FindingLedger ledger = new FindingLedger();
        ledger.record(run("r1", DAY1, Set.of(A), seen("f1", A, "R1", DAY1), seen("f2", A, "R2", DAY1)));

        // R2's data was missing on day 2: a NOT_EVALUATED row for R2, and f1 (rule R1) is gone
        ledger.record(run("r2", DAY2, Set.of(A), new RunSightings.Sighting("ne", A, "R2", DAY2, true)));

        assertThat(ledger.entry("f1").orElseThrow().resolved()).isEqualTo(DAY2);
        assertThat(ledger.entry("f2").orElseThrow().resolved()).as("missing data is not a pass").isNull();
    }

    @Test
    void recordingIsIdempotentAndAnOlderRunRecordedLateMovesNothingBack() {
        FindingLedger ledger = new FindingLedger();
        ledger.record(run("r2", DAY2, Set.of(A), seen("f1", A, "R1", DAY2)));
        ledger.record(run("r3", DAY3, Set.of(A), seen("f1", A, "R1", DAY3)));
        ledger.record(run("r3", DAY3, Set.of(A), seen("f1", A, "R1", DAY3)));

        // an older run (a restart of day 1) recorded after day 3
        ledger.record(run("r1", DAY1, Set.of(A), seen("f1", A, "R1", DAY1)));

        LedgerEntry f1 = ledger.entry("f1").orElseThrow();
        assertThat(f1.firstSeen()).isEqualTo(DAY1);
        assertThat(f1.firstRun()).isEqualTo("r1");
        assertThat(f1.lastSeen()).isEqualTo(DAY3);
        assertThat(f1.lastRun()).isEqualTo("r3");
        assertThat(f1.resolved()).isNull();
    }

    @Test
    void aFirstSeenDateTheReportCarriedIsKept() {
        FindingLedger ledger = new FindingLedger();
        ledger.record(run("r2", DAY2, Set.of(A), seen("f1", A, "R1", DAY1)));

        assertThat(ledger.entry("f1").orElseThrow().firstSeen()).isEqualTo(DAY1);
    }

    @Test
    void theDateTheReportShowsIsRecordedNotTheRunsStart() {
        // a finding is dated by its account's collection, which comes after the run started
        Instant collected = DAY1.plusSeconds(300);
        FindingLedger ledger = new FindingLedger();
        ledger.record(run("r1", DAY1, Set.of(A), seen("f1", A, "R1", collected)));
        ledger.record(run("r2", DAY2, Set.of(A), seen("f1", A, "R1", collected)));

        assertThat(ledger.entry("f1").orElseThrow().firstSeen()).isEqualTo(collected);
        assertThat(ledger.entry("f1").orElseThrow().firstRun()).isEqualTo("r1");
    }

    @Test
    void theLedgerFileRoundTripsAwkwardTextAndRejectsDamage() throws IOException {
        FindingLedger ledger = new FindingLedger();
        for (String text : io.iamaudit.report.CsvDialectRoundTripTest.AWKWARD) {
            if (!text.isEmpty()) {
                ledger.record(run("run " + text, DAY1, Set.of(text),
                        new RunSightings.Sighting("id " + text, text, text, DAY1, false)));
            }
        }
        ledger.record(run("r2", DAY2, Set.of(A)));

        byte[] bytes = LedgerCsv.write(ledger);
        FindingLedger read = LedgerCsv.read(bytes);

        assertThat(read.entries()).containsExactlyElementsOf(ledger.entries());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> LedgerCsv.read(truncated)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> LedgerCsv.read("not gzip".getBytes())).isInstanceOf(IOException.class);
    }

    static RunSightings run(String id, Instant at, Set<String> audited, RunSightings.Sighting... findings) {
        return new RunSightings(id, at, audited, List.of(findings));
    }

    static RunSightings.Sighting seen(String id, String account, String rule, Instant firstSeen) {
        return new RunSightings.Sighting(id, account, rule, firstSeen, false);
    }
}
