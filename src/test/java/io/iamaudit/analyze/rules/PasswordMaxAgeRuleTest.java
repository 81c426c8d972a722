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

class PasswordMaxAgeRuleTest {
    @Test
    void neverExpiringOrLongExpiryFails() {
        var never = new PasswordPolicy(14, true, true, true, true, true, false, null, 24, false);
        var long180 = new PasswordPolicy(14, true, true, true, true, true, true, 180, 24, false);
        assertThat(violations(new PasswordMaxAgeRule(), clean().withPasswordPolicy(never))).singleElement()
                .satisfies(x -> assertThat(x.evidence()).isEqualTo("passwords never expire"));
        assertThat(violations(new PasswordMaxAgeRule(), clean().withPasswordPolicy(long180))).hasSize(1);
    }

    @Test
    void ninetyDaysPasses() {
        assertThat(violations(new PasswordMaxAgeRule(), clean())).isEmpty();
    }
}
