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

class UserDirectPoliciesRuleTest {
    @Test
    void managedOrInlinePolicyOnTheUserFails() {
        var f = clean().withUser(user("a").attached("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .withUser(user("b").inline("x", allow("s3:GetObject")));
        assertThat(violations(new UserDirectPoliciesRule(), f)).extracting(Violation::evidence)
                .containsExactly("attached directly: managed ReadOnlyAccess", "attached directly: inline x");
    }

    @Test
    void groupOnlyUserPasses() {
        assertThat(violations(new UserDirectPoliciesRule(), clean().withGroup("dev", List.of(), List.of())
                .withUser(user("a").group("dev")))).isEmpty();
    }
}
