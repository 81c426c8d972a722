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

class PasswordUppercaseRuleTest {
    @Test
    void missingClassFails() {
        var weak = new PasswordPolicy(14, true, true, false, true, true, true, 90, 24, false);
        assertThat(violations(new PasswordUppercaseRule(), clean().withPasswordPolicy(weak))).singleElement()
                .satisfies(x -> assertThat(x.evidence()).isEqualTo("RequireUppercaseCharacters = false"));
    }

    @Test
    void requiredClassPasses() {
        assertThat(violations(new PasswordUppercaseRule(), clean())).isEmpty();
    }
}
