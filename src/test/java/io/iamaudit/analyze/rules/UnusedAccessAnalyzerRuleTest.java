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

class UnusedAccessAnalyzerRuleTest {
    @Test
    void noUnusedAccessAnalyzerFails() {
        var f = clean().withAnalyzers(new Analyzer("o", "org", "ORGANIZATION", "ACTIVE", ACCOUNT));
        assertThat(violations(new UnusedAccessAnalyzerRule(), f)).hasSize(1);
    }

    @Test
    void organizationUnusedAccessAnalyzerCovers() {
        var f = clean().withAnalyzers(new Analyzer("o", "org", "ORGANIZATION_UNUSED_ACCESS", "ACTIVE", "999999999999"));
        assertThat(violations(new UnusedAccessAnalyzerRule(), f)).isEmpty();
    }

    @Test
    void anOrganizationAnalyzerThatExcludesTheAccountDoesNotCoverIt() {
        var f = clean().withAnalyzers(new Analyzer("o", "org", "ORGANIZATION_UNUSED_ACCESS", "ACTIVE", "999999999999",
                List.of(ACCOUNT)));
        assertThat(violations(new UnusedAccessAnalyzerRule(), f)).hasSize(1);
    }
}
