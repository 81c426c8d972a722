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

class UserWithoutGroupRuleTest {
    @Test
    void userInNoGroupFails() {
        assertThat(violations(new UserWithoutGroupRule(), clean().withUser(user("lonely")))).hasSize(1);
    }

    @Test
    void memberPasses() {
        assertThat(violations(new UserWithoutGroupRule(), clean().withGroup("dev", List.of(), List.of())
                .withUser(user("a").group("dev")))).isEmpty();
    }
}
