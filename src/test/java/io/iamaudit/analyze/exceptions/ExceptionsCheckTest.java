package io.iamaudit.analyze.exceptions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionsCheckTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static AuditException entry(String rule, String account, String expires) {
        return new AuditException("svc-*", rule, account, "owner@example.com", "reason", LocalDate.parse(expires));
    }

    @Test
    void anUnknownRuleIdIsNamedWithItsPositionWhileKnownIdsInAnyCaseAndTheWildcardPass() {
        ExceptionSet set = new ExceptionSet(List.of(entry("IAM.SEC02.MFA", null, "2027-01-01"),
                entry("iam.sec02.mfa", null, "2027-01-01"), entry("*", null, "2027-01-01"),
                entry("IAM.SEC02.MFAA", null, "2027-01-01")));

        assertThat(ExceptionsCheck.unknownRules(set, Set.of("IAM.SEC02.MFA")))
                .containsExactly("exception 4: rule 'IAM.SEC02.MFAA' is not in the rule catalog"
                        + " (java -jar iam-audit.jar rules lists the ids)");
    }

    @Test
    void accountsOutsideTheOrganizationAndPastExpiriesAreReportedButTodayStillApplies() {
        ExceptionSet set = new ExceptionSet(List.of(entry("*", "111111111111", "2026-12-07"),
                entry("*", "222222222222", "2026-12-06"), entry("*", null, "2020-01-01")));

        assertThat(ExceptionsCheck.unknownAccounts(set, Set.of("111111111111")))
                .containsExactly("exception 2: account 222222222222 is not in the organization");
        assertThat(ExceptionsCheck.expired(set, TODAY)).hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("no longer applies"))
                .anySatisfy(p -> assertThat(p).startsWith("exception 2 ").contains("expired on 2026-12-06"))
                .anySatisfy(p -> assertThat(p).startsWith("exception 3 "));
    }
}
