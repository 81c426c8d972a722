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

class StaleCredentialReportRuleTest {
    @Test
    void reportTwoDaysOldFails() {
        assertThat(violations(new StaleCredentialReportRule(), clean().withReportGenerated(daysAgo(2))))
                .singleElement().satisfies(x -> assertThat(x.evidence()).contains("48 hours"));
    }

    @Test
    void freshReportPasses() {
        assertThat(violations(new StaleCredentialReportRule(), clean().withReportGenerated(NOW.minusSeconds(4 * 3600))))
                .isEmpty();
    }
}
