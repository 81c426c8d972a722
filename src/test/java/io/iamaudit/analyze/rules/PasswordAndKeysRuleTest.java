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

class PasswordAndKeysRuleTest {
    @Test
    void passwordAndKeyFail() {
        var f = clean().withUser(user("dev").console(daysAgo(1)).mfa().key(daysAgo(10), daysAgo(1)));
        assertThat(violations(new PasswordAndKeysRule(), f)).hasSize(1);
    }

    @Test
    void eitherAlonePasses() {
        var f = clean().withUser(user("dev").console(daysAgo(1)).mfa()).withUser(user("ci").key(daysAgo(10), daysAgo(1)));
        assertThat(violations(new PasswordAndKeysRule(), f)).isEmpty();
    }
}
