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

class KeyUnusedRuleTest {
    @Test
    void idleKeysFailOnePerKey() {
        var f = clean().withUser(user("ci").key(daysAgo(200), daysAgo(50)).key(daysAgo(100), null));
        assertThat(violations(new KeyUnusedRule(), f)).extracting(Violation::subject)
                .containsExactly("access_key_1", "access_key_2");
    }

    @Test
    void recentlyUsedOrNewKeyPasses() {
        var f = clean().withUser(user("ci").key(daysAgo(200), daysAgo(2)).key(daysAgo(3), null));
        assertThat(violations(new KeyUnusedRule(), f)).isEmpty();
    }
}
