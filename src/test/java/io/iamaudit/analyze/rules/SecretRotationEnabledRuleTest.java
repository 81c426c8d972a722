package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.rules.SecretFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretRotationEnabledRuleTest {
    private final SecretRotationEnabledRule rule = new SecretRotationEnabledRule();

    @Test
    void secretWithoutRotationFailsBesideOneThatRotates() {
        var f = clean().withSecretRegion(read(kept("db-rotating"), rotation(kept("db-static"), false, null, null)));
        assertThat(violations(rule, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("db-static (eu-west-1)");
            assertThat(v.evidence()).contains("rotation is off");
        });
    }

    @Test
    void rotationNotReportedCountsAsOff() {
        var f = clean().withSecretRegion(read(rotation(kept("unknown"), null, null, null)));
        assertThat(violations(rule, f)).hasSize(1);
    }

    @Test
    void noSecretsPassesAndANotEnabledRegionIsNoGap() {
        assertThat(violations(rule, clean())).isEmpty();
        assertThat(violations(rule, clean().withSecretRegion(read(kept("a"))).withSecretRegion(notEnabled("me-south-1"))))
                .isEmpty();
    }

    @Test
    void aDeniedRegionIsNotEvaluatedUnlessAnotherSecretFails() {
        var quiet = clean().withSecretRegion(read(kept("a"))).withSecretRegion(denied("us-west-2"));
        assertThat(rule.evaluate(quiet.build(), context())).isInstanceOfSatisfying(RuleResult.NotEvaluated.class,
                n -> assertThat(n.error()).contains("us-west-2"));
        var failing = clean().withSecretRegion(read(rotation(kept("b"), false, null, null)))
                .withSecretRegion(denied("us-west-2"));
        assertThat(violations(rule, failing)).hasSize(1);
    }

    @Test
    void secretsNotCollectedIsNotEvaluated() {
        var f = clean().missing(DataSet.SECRETS, "AccessDeniedException: account:ListRegions");
        assertThat(rule.evaluate(f.build(), context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
