package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class UserHardwareMfaRuleTest {
    @Test
    void consoleUserWithVirtualMfaFails() {
        var f = clean().withUser(user("alice").console(daysAgo(1)).mfa())
                .withVirtualMfa(new MfaDevice("arn:aws:iam::111111111111:mfa/alice", arn("user", "alice")));
        assertThat(violations(new UserHardwareMfaRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.principalName()).isEqualTo("alice"));
    }

    @Test
    void hardwareMfaPasses() {
        assertThat(violations(new UserHardwareMfaRule(), clean().withUser(user("alice").console(daysAgo(1)).mfa())))
                .isEmpty();
    }
}
