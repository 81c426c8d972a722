package io.iamaudit.analyze;

import io.iamaudit.stage.AccountSnapshot;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one rule against a fixture and returns its violations (failing the test if it was not evaluated). */
public final class RuleTesting {
    private RuleTesting() {
    }

    public static List<Violation> violations(Rule rule, SnapshotFixtures fixture) {
        return violations(rule, fixture.build(), SnapshotFixtures.context());
    }

    public static List<Violation> violations(Rule rule, AccountSnapshot snapshot, AnalysisContext ctx) {
        RuleResult result = rule.evaluate(snapshot, ctx);
        assertThat(result).as("%s should be evaluated", rule.id()).isInstanceOf(RuleResult.Evaluated.class);
        return ((RuleResult.Evaluated) result).violations();
    }
}
