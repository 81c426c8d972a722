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

class ExternalAccessAnalyzerRuleTest {
    @Test
    void onlyUnusedAccessOrDisabledAnalyzersFail() {
        var f = clean().withAnalyzers(new Analyzer("a1", "unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE", ACCOUNT),
                new Analyzer("a2", "ext", "ACCOUNT", "DISABLED", ACCOUNT));
        assertThat(violations(new ExternalAccessAnalyzerRule(), f)).hasSize(1);
    }

    @Test
    void organizationAnalyzerCovers() {
        var f = clean().withAnalyzers(new Analyzer("o", "org", "ORGANIZATION", "ACTIVE", "999999999999"));
        assertThat(violations(new ExternalAccessAnalyzerRule(), f)).isEmpty();
    }
}
