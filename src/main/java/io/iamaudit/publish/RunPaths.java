package io.iamaudit.publish;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises run folders ({@code runs/<yyyy>/<mm>/<dd>/<run-id>/}) in listings, shared by both stores. */
final class RunPaths {
    static final String RUNS = "runs/";
    private static final Pattern RUN = Pattern.compile("runs/(\\d{4})/(\\d{2})/(\\d{2})/([A-Za-z0-9][A-Za-z0-9._-]*)/");

    private RunPaths() {
    }

    /** The run folder a relative path belongs to, or empty when it is none (hidden partial folders included). */
    static Optional<RunFolder> folderOf(String relative, boolean hasManifest) {
        Matcher m = RUN.matcher(relative);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return Optional.of(new RunFolder(m.group(), day, m.group(4), hasManifest));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code runs/<yyyy>/<mm>/} of every month from {@code from} to {@code to}: the prefixes worth listing. */
    static java.util.List<String> monthPrefixes(LocalDate from, LocalDate to) {
        java.util.List<String> prefixes = new java.util.ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            prefixes.add(String.format("%s%04d/%02d/", RUNS, m.getYear(), m.getMonthValue()));
        }
        return prefixes;
    }
}
