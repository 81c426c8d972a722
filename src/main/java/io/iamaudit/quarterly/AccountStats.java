package io.iamaudit.quarterly;

import java.time.LocalDate;

/** How one account fared across the quarter's runs, from each run's coverage.csv. */
public final class AccountStats {
    private final String accountId;
    private String accountName;
    private int audited;
    private int failed;
    private int skipped;
    private LocalDate lastAudited;

    AccountStats(String accountId) {
        this.accountId = accountId;
    }

    void record(String name, String status, LocalDate day) {
        if (name != null) {
            accountName = name;
        }
        switch (status == null ? "" : status) {
            case "AUDITED" -> {
                audited++;
                lastAudited = day;
            }
            case "FAILED" -> failed++;
            default -> skipped++;
        }
    }

    void nameIfUnknown(String name) {
        if (accountName == null) {
            accountName = name;
        }
    }

    public String accountId() {
        return accountId;
    }

    public String accountName() {
        return accountName;
    }

    public int audited() {
        return audited;
    }

    public int failed() {
        return failed;
    }

    /** Runs in which the account was skipped (filtered out, suspended) or still pending. */
    public int skipped() {
        return skipped;
    }

    public LocalDate lastAudited() {
        return lastAudited;
    }
}
