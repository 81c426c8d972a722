package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Summary's first sentence, which a reader who stops there still gets right: "7 of 8 accounts audited; 1 skipped
 * (acme-legacy: suspended). 5 critical and 43 high findings; 12 first seen in this run; 3 exceptions expire
 * within 30 days." Every account not audited is named with its reason.
 */
final class SummaryHeadline {
    private SummaryHeadline() {
    }

    /**
     * @param critical       FAIL findings of severity CRITICAL
     * @param high           FAIL findings of severity HIGH
     * @param newFindings    FAIL findings first seen in this run
     * @param expiring       exceptions expiring within {@code expiryDays}
     */
    static String of(List<AccountCoverage> coverage, long critical, long high, long newFindings, long expiring,
                     int expiryDays) {
        StringBuilder out = new StringBuilder();
        long audited = coverage.stream().filter(c -> c.status() == AccountCoverage.Status.AUDITED).count();
        out.append(audited).append(" of ").append(coverage.size()).append(coverage.size() == 1 ? " account" : " accounts")
                .append(" audited");
        for (AccountCoverage.Status status : List.of(AccountCoverage.Status.SKIPPED, AccountCoverage.Status.FAILED,
                AccountCoverage.Status.PENDING)) {
            List<AccountCoverage> these = coverage.stream().filter(c -> c.status() == status).toList();
            if (!these.isEmpty()) {
                out.append("; ").append(these.size()).append(' ').append(status.name().toLowerCase(Locale.ROOT))
                        .append(" (").append(these.stream().map(SummaryHeadline::account)
                                .collect(Collectors.joining(", "))).append(')');
            }
        }
        out.append(". ").append(critical).append(" critical and ").append(high).append(" high ")
                .append(critical + high == 1 ? "finding" : "findings");
        // first-seen dates come from the earliest published run, so "first seen in this run" is new since the
        // previous run when there is one, and honest when there is none
        out.append("; ").append(newFindings).append(" first seen in this run");
        out.append("; ").append(expiring).append(expiring == 1 ? " exception expires" : " exceptions expire")
                .append(" within ").append(expiryDays).append(" days.");
        return out.toString();
    }

    private static String account(AccountCoverage c) {
        String name = c.accountName() == null || c.accountName().isBlank() ? c.accountId() : c.accountName();
        String reason = c.reason() == null || c.reason().isBlank() ? "no reason recorded" : firstLine(c.reason());
        return name + ": " + reason;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
