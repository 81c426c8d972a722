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

class UnusedAccessFindingsRuleTest {
    @Test
    void activeUnusedRoleFindingFails() {
        var f = clean().withFinding(new AnalyzerFinding("u-1", "arn", "UnusedIAMRole", arn("role", "old"),
                "AWS::IAM::Role", ACCOUNT, "ACTIVE", NOW, NOW, null, null, null, null, null, daysAgo(200)));
        assertThat(violations(new UnusedAccessFindingsRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("UnusedIAMRole").contains("2026-05-12"));
    }

    @Test
    void externalAccessAndResolvedFindingsAreNotCounted() {
        var f = clean().withFinding(ExternalAccessFindingsRuleTest.external("e-1", "ACTIVE"))
                .withFinding(new AnalyzerFinding("u-1", "arn", "UnusedIAMRole", arn("role", "old"), "AWS::IAM::Role",
                        ACCOUNT, "RESOLVED", NOW, NOW, null, null, null, null, null, null));
        assertThat(violations(new UnusedAccessFindingsRule(), f)).isEmpty();
    }
}
