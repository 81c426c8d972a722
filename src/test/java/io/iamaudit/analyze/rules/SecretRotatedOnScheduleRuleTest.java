package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.SnapshotFixtures.daysAgo;
import static io.iamaudit.analyze.rules.SecretFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretRotatedOnScheduleRuleTest {
    private final SecretRotatedOnScheduleRule rule = new SecretRotatedOnScheduleRule();

    @Test
    void rotationOverdueOnItsOwnScheduleFails() {
        var f = clean().withSecretRegion(read(rotation(kept("stuck"), true, 30L, daysAgo(45)),
                rotation(kept("window"), true, 30L, daysAgo(31))));
        assertThat(violations(rule, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).startsWith("stuck");
            assertThat(v.evidence()).contains("every 30 days").contains("45 days ago");
        });
    }

    @Test
    void neverRotatedCountsFromCreationAndRotationOffIsLeftToTheOtherRules() {
        var f = clean().withSecretRegion(read(rotation(kept("never"), true, 7L, null),
                rotation(kept("off"), false, 7L, daysAgo(300))));
        assertThat(violations(rule, f)).singleElement()
                .satisfies(v -> assertThat(v.principalName()).startsWith("never"));
    }

    @Test
    void onScheduleOrUnknownIntervalPasses() {
        var f = clean().withSecretRegion(read(kept("ok"), rotation(kept("cron"), true, null, daysAgo(300))));
        assertThat(violations(rule, f)).isEmpty();
    }

    @Test
    void notCollectedIsNotEvaluated() {
        assertThat(rule.evaluate(clean().missing(DataSet.SECRETS, "denied").build(), context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
