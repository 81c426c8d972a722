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

class PasswordPolicyRuleTest {
    @Test
    void noPasswordPolicyFails() {
        assertThat(violations(new PasswordPolicyRule(), clean().withPasswordPolicy(null))).singleElement()
                .satisfies(x -> assertThat(x.principalType()).isEqualTo("Account"));
    }

    @Test
    void anyPasswordPolicyPasses() {
        assertThat(violations(new PasswordPolicyRule(), clean())).isEmpty();
    }
}
