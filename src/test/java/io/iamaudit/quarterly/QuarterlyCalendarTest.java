package io.iamaudit.quarterly;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quarter arithmetic: bounds, ISO weeks (2026 has a week 53), the default of a scheduled run. */
class QuarterlyCalendarTest {

    @Test
    void boundsAndWeeksOfAQuarter() {
        Quarter q4 = Quarter.parse("2026-Q4");
        assertThat(q4.start()).isEqualTo("2026-10-01");
        assertThat(q4.end()).isEqualTo("2026-12-31");
        assertThat(q4.contains(LocalDate.parse("2026-09-30"))).isFalse();
        assertThat(q4.weekStarts()).hasSize(14).startsWith(LocalDate.parse("2026-09-28"))
                .endsWith(LocalDate.parse("2026-12-28"));
        assertThat(Quarter.isoWeek(LocalDate.parse("2026-12-31"))).isEqualTo("2026-W53");
        assertThat(Quarter.isoWeek(LocalDate.parse("2027-01-01"))).isEqualTo("2026-W53");
        assertThat(Quarter.parse("2027-Q1").end()).isEqualTo("2027-03-31");
    }

    @Test
    void aRunOnTheFirstDayOfAQuarterReportsThePreviousOne() {
        assertThat(Quarter.containing(LocalDate.parse("2027-01-01")).previous()).isEqualTo(Quarter.parse("2026-Q4"));
        assertThat(Quarter.containing(LocalDate.parse("2026-07-01")).previous()).isEqualTo(Quarter.parse("2026-Q2"));
        assertThatThrownBy(() -> Quarter.parse("2026-Q0")).hasMessageContaining("not a quarter like 2026-Q4");
    }
}
