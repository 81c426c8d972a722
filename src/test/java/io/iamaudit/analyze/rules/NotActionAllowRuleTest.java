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

class NotActionAllowRuleTest {
    @Test
    void allowWithNotActionFails() {
        String doc = "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\"],\"Resource\":\"*\"}]}";
        assertThat(violations(new NotActionAllowRule(), clean().withPolicy(customer("power", doc)))).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("iam:*"));
    }

    @Test
    void denyWithNotActionPasses() {
        String doc = "{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\"],\"Resource\":\"*\"}]}";
        assertThat(violations(new NotActionAllowRule(), clean().withPolicy(customer("guard", doc)))).isEmpty();
    }
}
