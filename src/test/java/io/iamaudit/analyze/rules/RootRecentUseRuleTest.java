package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RootRecentUseRuleTest {
    @Test
    void rootPasswordUsedLastWeekFails() {
        var v = violations(new RootRecentUseRule(), clean().withRootRow(rootRow(daysAgo(7), null)));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.evidence()).contains("password last used 2026-11-21"));
    }

    @Test
    void rootKeyUsedRecentlyFails() {
        var v = violations(new RootRecentUseRule(), clean().withRootRow(rootRow(null, daysAgo(2))));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.evidence()).contains("access key 1"));
    }

    @Test
    void rootUnusedFor200DaysPasses() {
        assertThat(violations(new RootRecentUseRule(), clean())).isEmpty();
    }

    @Test
    void aReportWithoutRootRowIsNotEvaluated() {
        var result = new RootRecentUseRule().evaluate(clean().withRootRow(null).build(), context());
        assertThat(result).isInstanceOf(io.iamaudit.analyze.RuleResult.NotEvaluated.class);
    }
}
