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

class ConsoleUserMfaRuleTest {
    @Test
    void consoleUserWithoutMfaFails() {
        var v = violations(new ConsoleUserMfaRule(), clean().withUser(user("alice").console(daysAgo(1))));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.principalName()).isEqualTo("alice");
            assertThat(x.principalArn()).isEqualTo(arn("user", "alice"));
        });
    }

    @Test
    void consoleUserWithMfaAndKeyOnlyUserPass() {
        var f = clean().withUser(user("alice").console(daysAgo(1)).mfa()).withUser(user("ci").key(daysAgo(3), daysAgo(1)));
        assertThat(violations(new ConsoleUserMfaRule(), f)).isEmpty();
    }
}
