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

class PasswordReuseRuleTest {
    @Test
    void reuseOfFiveOrUnsetFails() {
        var five = new PasswordPolicy(14, true, true, true, true, true, true, 90, 5, false);
        var unset = new PasswordPolicy(14, true, true, true, true, true, true, 90, null, false);
        assertThat(violations(new PasswordReuseRule(), clean().withPasswordPolicy(five))).hasSize(1);
        assertThat(violations(new PasswordReuseRule(), clean().withPasswordPolicy(unset))).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("not set"));
    }

    @Test
    void twentyFourPasses() {
        assertThat(violations(new PasswordReuseRule(), clean())).isEmpty();
    }
}
