package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Thresholds;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.SnapshotFixtures.daysAgo;
import static io.iamaudit.analyze.rules.SecretFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretRotatedRecentlyRuleTest {
    private final SecretRotatedRecentlyRule rule = new SecretRotatedRecentlyRule();

    @Test
    void rotated200DaysAgoFailsBesideOneRotated10DaysAgo() {
        var f = clean().withSecretRegion(read(kept("fresh"), rotation(kept("old"), false, null, daysAgo(200))));
        assertThat(violations(rule, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).startsWith("old");
            assertThat(v.evidence()).contains("200 days ago").contains("limit 90");
        });
    }

    @Test
    void neverRotatedCountsFromCreation() {
        var f = clean().withSecretRegion(read(rotation(kept("never"), false, null, null)));
        assertThat(violations(rule, f)).singleElement()
                .satisfies(v -> assertThat(v.evidence()).startsWith("never rotated, created"));
    }

    @Test
    void theThresholdIsASetting() {
        var f = clean().withSecretRegion(read(rotation(kept("s"), true, 30L, daysAgo(20))));
        Thresholds t = Thresholds.defaults();
        Thresholds strict = new Thresholds(t.unusedDays(), t.keyRotationDays(), t.roleUnusedDays(),
                t.rootRecentUseDays(), t.credentialReportMaxAgeHours(), t.leastPrivilegeWindowDays(),
                t.gracePeriodDays(), t.minPasswordLength(), t.passwordReuse(), t.maxPasswordAge(), t.requiredTags(),
                t.optOutSidPrefix(), t.breakGlassNamePatterns(), t.breakGlassTag(), 14, 0, null);
        assertThat(violations(rule, f)).isEmpty();
        assertThat(violations(rule, f.build(), context().withThresholds(strict))).hasSize(1);
    }

    @Test
    void deniedRegionWithNothingFailingIsNotEvaluated() {
        var f = clean().withSecretRegion(read(kept("fresh"))).withSecretRegion(denied("ap-southeast-2"));
        assertThat(rule.evaluate(f.build(), context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
