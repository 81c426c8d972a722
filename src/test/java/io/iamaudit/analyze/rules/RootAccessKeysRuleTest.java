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

class RootAccessKeysRuleTest {
    @Test
    void rootKeysPresentFailCritical() {
        var rule = new RootAccessKeysRule();
        assertThat(rule.metadata().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(violations(rule, clean().withSummary("AccountAccessKeysPresent", 1))).singleElement()
                .satisfies(x -> assertThat(x.principalType()).isEqualTo("RootUser"));
    }

    @Test
    void noRootKeysPasses() {
        assertThat(violations(new RootAccessKeysRule(), clean())).isEmpty();
    }
}
