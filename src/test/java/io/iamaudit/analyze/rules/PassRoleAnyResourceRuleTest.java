package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PassRoleAnyResourceRuleTest {
    @Test
    void passRoleOnStarFails() {
        var f = clean().withUser(user("ci").inline("x", allow("iam:PassRole")));
        assertThat(violations(new PassRoleAnyResourceRule(), f)).hasSize(1);
    }

    @Test
    void passRoleOnOneRolePasses() {
        String doc = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                + "\"Resource\":\"arn:aws:iam::111111111111:role/app\"}]}";
        assertThat(violations(new PassRoleAnyResourceRule(), clean().withUser(user("ci").inline("x", doc)))).isEmpty();
    }
}
