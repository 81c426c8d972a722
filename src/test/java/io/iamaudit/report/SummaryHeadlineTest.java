package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryHeadlineTest {
    private static AccountCoverage account(String name, AccountCoverage.Status status, String reason) {
        return new AccountCoverage("run", "1", name, "Root", status, reason, null, Map.of());
    }

    @Test
    void namesEveryAccountNotAuditedWithItsReason() {
        List<AccountCoverage> coverage = List.of(account("a", AccountCoverage.Status.AUDITED, ""),
                account("acme-legacy", AccountCoverage.Status.SKIPPED, "suspended"),
                account("b", AccountCoverage.Status.AUDITED, null));
        assertThat(SummaryHeadline.of(coverage, 5, 43, 12, 3, 30)).isEqualTo("2 of 3 accounts audited; 1 skipped "
                + "(acme-legacy: suspended). 5 critical and 43 high findings; 12 first seen in this run; "
                + "3 exceptions expire within 30 days.");
    }

    @Test
    void everyAccountAuditedAndSingularCounts() {
        List<AccountCoverage> coverage = List.of(account("a", AccountCoverage.Status.AUDITED, ""));
        assertThat(SummaryHeadline.of(coverage, 0, 1, 0, 1, 30)).isEqualTo("1 of 1 account audited. 0 critical and "
                + "1 high finding; 0 first seen in this run; 1 exception expires within 30 days.");
    }

    @Test
    void aFailedAccountWithoutAReasonSaysSo() {
        List<AccountCoverage> coverage = List.of(account(null, AccountCoverage.Status.FAILED, " "));
        assertThat(SummaryHeadline.of(coverage, 0, 0, 0, 0, 30))
                .startsWith("0 of 1 account audited; 1 failed (1: no reason recorded).");
    }
}
