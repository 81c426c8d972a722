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

class PasswordUnusedRuleTest {
    @Test
    void passwordUnusedFor60DaysFails() {
        assertThat(violations(new PasswordUnusedRule(), clean().withUser(user("a").console(daysAgo(60)).mfa())))
                .singleElement().satisfies(x -> assertThat(x.evidence()).contains("60 days >= 45"));
    }

    @Test
    void neverUsedPasswordCountsFromCreation() {
        var f = clean().withUser(user("old").console(null).mfa()).withUser(user("new").created(daysAgo(3)).console(null));
        assertThat(violations(new PasswordUnusedRule(), f)).extracting(Violation::principalName).containsExactly("old");
    }

    @Test
    void recentlyUsedPasswordPasses() {
        assertThat(violations(new PasswordUnusedRule(), clean().withUser(user("a").console(daysAgo(44)).mfa()))).isEmpty();
    }
}
