package io.iamaudit.quarterly;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2026-Q4} (UTC dates, like the run folders). */
public record Quarter(int year, int number) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter number must be 1-4: " + number);
        }
    }

    /** @throws IllegalArgumentException when the text is not like {@code 2026-Q4} */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a quarter like 2026-Q4");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter a day falls in. */
    public static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter before this one: what a report run on the first days of a quarter is about. */
    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    /**
     * Whether the quarter's last day (UTC) is over at {@code instant}: a report built earlier is preliminary, since
     * runs may still come.
     */
    public boolean endedBy(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC).isAfter(end());
    }

    /** The Monday of every ISO week that has at least one day in the quarter, in order. */
    public List<LocalDate> weekStarts() {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
             !monday.isAfter(end()); monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        return weeks;
    }

    /** The ISO week label of a day, e.g. {@code 2026-W40}. */
    public static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
