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

class PasswordLengthRuleTest {
    @Test
    void shortMinimumFailsAndMissingPolicyFails() {
        var weak = new PasswordPolicy(8, true, true, true, true, true, true, 90, 24, false);
        assertThat(violations(new PasswordLengthRule(), clean().withPasswordPolicy(weak))).singleElement()
                .satisfies(x -> assertThat(x.evidence()).isEqualTo("MinimumPasswordLength = 8 (< 14)"));
        assertThat(violations(new PasswordLengthRule(), clean().withPasswordPolicy(null))).hasSize(1);
    }

    @Test
    void fourteenPasses() {
        assertThat(violations(new PasswordLengthRule(), clean())).isEmpty();
    }
}
