package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.Finding;

/** How statuses read on the Summary and the control matrix: words, not enum names such as NOT_EVALUATED. */
final class Labels {
    private Labels() {
    }

    static String status(Finding.Status status) {
        return switch (status) {
            case FAIL -> "Fail";
            case EXCEPTED -> "Excepted";
            case NOT_EVALUATED -> "Not evaluated";
        };
    }

    static String coverage(AccountCoverage.Status status) {
        return status == null ? "" : switch (status) {
            case AUDITED -> "Audited";
            case SKIPPED -> "Skipped";
            case FAILED -> "Failed";
            case PENDING -> "Pending";
        };
    }
}
