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

class CloudShellFullAccessRuleTest {
    static final String ARN = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

    @Test
    void attachedCloudShellFullAccessFails() {
        var f = clean().withPolicy(managed("AWSCloudShellFullAccess", ARN, allow("cloudshell:*"), daysAgo(100)))
                .withUser(user("dev").attached("AWSCloudShellFullAccess", ARN));
        assertThat(violations(new CloudShellFullAccessRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.principalName()).isEqualTo("dev"));
    }

    @Test
    void attachedWithoutACollectedDocumentStillFails() {
        var f = clean().withRole(role("ops").attached("AWSCloudShellFullAccess", ARN));
        assertThat(violations(new CloudShellFullAccessRule(), f)).hasSize(1);
    }

    @Test
    void otherPoliciesPass() {
        assertThat(violations(new CloudShellFullAccessRule(), clean().withUser(user("dev").inline("x",
                allow("cloudshell:CreateSession"))))).isEmpty();
    }
}
