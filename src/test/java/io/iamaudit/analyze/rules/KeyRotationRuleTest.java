package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationRuleTest {
    @Test
    void keyOlderThan90DaysFailsPerKey() {
        var f = clean().withUser(user("ci").key(daysAgo(120), daysAgo(1)).key(daysAgo(10), daysAgo(1)));
        assertThat(violations(new KeyRotationRule(), f)).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("access_key_1");
            assertThat(x.evidence()).contains("120 days > 90");
        });
    }

    @Test
    void youngKeyPasses() {
        assertThat(violations(new KeyRotationRule(), clean().withUser(user("ci").key(daysAgo(89), daysAgo(1)))))
                .isEmpty();
    }
}
