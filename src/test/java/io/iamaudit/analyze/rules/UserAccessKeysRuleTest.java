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

class UserAccessKeysRuleTest {
    @Test
    void activeKeyFailsAndSaysWhichServicesItReaches() {
        var f = clean().withUser(user("ci").key(daysAgo(10), daysAgo(1))
                .lastAccessed(service("s3", daysAgo(1)), service("sts", daysAgo(1)), service("ec2", null)));
        assertThat(violations(new UserAccessKeysRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("beyond IAM/STS: s3").doesNotContain("ec2"));
    }

    @Test
    void reachIsUnknownWithoutLastAccessed() {
        var f = clean().withUser(user("ci").key(daysAgo(10), daysAgo(1)))
                .missing(io.iamaudit.analyze.DataSet.LAST_ACCESSED, "throttled");
        assertThat(violations(new UserAccessKeysRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("last-accessed not collected"));
    }

    @Test
    void userWithoutKeysPasses() {
        assertThat(violations(new UserAccessKeysRule(), clean().withUser(user("alice").console(daysAgo(1)).mfa())))
                .isEmpty();
    }
}
