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

class TwoActiveKeysRuleTest {
    @Test
    void twoActiveKeysFail() {
        var f = clean().withUser(user("ci").key(daysAgo(10), daysAgo(1)).key(daysAgo(5), null));
        assertThat(violations(new TwoActiveKeysRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("never"));
    }

    @Test
    void oneKeyPasses() {
        assertThat(violations(new TwoActiveKeysRule(), clean().withUser(user("ci").key(daysAgo(10), daysAgo(1)))))
                .isEmpty();
    }
}
