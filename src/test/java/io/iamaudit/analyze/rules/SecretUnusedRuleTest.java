package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.SnapshotFixtures.daysAgo;
import static io.iamaudit.analyze.rules.SecretFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretUnusedRuleTest {
    private final SecretUnusedRule rule = new SecretUnusedRule();

    @Test
    void unusedFor200DaysFailsBesideOneUsedYesterday() {
        var f = clean().withSecretRegion(read(kept("used"), accessed(kept("idle"), daysAgo(200), daysAgo(400))));
        assertThat(violations(rule, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).startsWith("idle");
            assertThat(v.evidence()).contains("200 days ago");
        });
    }

    @Test
    void neverAccessedCountsFromCreationSoANewSecretPasses() {
        var f = clean().withSecretRegion(read(accessed(kept("new"), null, daysAgo(5)),
                accessed(kept("forgotten"), null, daysAgo(120))));
        assertThat(violations(rule, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).startsWith("forgotten");
            assertThat(v.evidence()).startsWith("never accessed");
        });
    }

    @Test
    void exactlyTheThresholdPasses() {
        var f = clean().withSecretRegion(read(accessed(kept("edge"), daysAgo(90), daysAgo(400))));
        assertThat(violations(rule, f)).isEmpty();
    }

    @Test
    void deniedRegionIsNotEvaluated() {
        var f = clean().withSecretRegion(denied("eu-central-1"));
        assertThat(rule.evaluate(f.build(), context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
