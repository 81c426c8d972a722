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

class AssumeRoleAnyResourceRuleTest {
    @Test
    void assumeRoleOnStarFails() {
        var f = clean().withRole(role("hub").inline("x", allow("sts:AssumeRole")));
        assertThat(violations(new AssumeRoleAnyResourceRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).isEqualTo("inline x allows sts:AssumeRole on Resource *"));
    }

    @Test
    void assumeRoleOnNamedRolesPasses() {
        String doc = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"arn:aws:iam::222222222222:role/deploy\"}]}";
        assertThat(violations(new AssumeRoleAnyResourceRule(), clean().withRole(role("hub").inline("x", doc)))).isEmpty();
    }
}
