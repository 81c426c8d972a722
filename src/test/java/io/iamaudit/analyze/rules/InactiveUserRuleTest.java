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

class InactiveUserRuleTest {
    @Test
    void userWithoutActivityFails() {
        var f = clean().withUser(user("ghost").console(daysAgo(100)).key(daysAgo(300), daysAgo(90)));
        assertThat(violations(new InactiveUserRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("last activity 2026-08-30"));
    }

    @Test
    void activeOrNewUserPasses() {
        var f = clean().withUser(user("busy").key(daysAgo(300), daysAgo(1))).withUser(user("new").created(daysAgo(2)));
        assertThat(violations(new InactiveUserRule(), f)).isEmpty();
    }
}
