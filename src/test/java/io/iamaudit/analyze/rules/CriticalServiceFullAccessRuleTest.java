package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CriticalServiceFullAccessRuleTest {
    @Test
    void kmsOrCloudTrailWildcardFails() {
        var f = clean().withPolicy(customer("keys", allow("kms:*", "s3:GetObject")))
                .withPolicy(customer("trail", allow("CloudTrail:*")));
        assertThat(violations(new CriticalServiceFullAccessRule(), f)).extracting(Violation::evidence)
                .containsExactly("allows kms:*", "allows CloudTrail:*");
    }

    @Test
    void specificActionsPass() {
        var f = clean().withPolicy(customer("keys", allow("kms:Decrypt", "cloudtrail:LookupEvents")));
        assertThat(violations(new CriticalServiceFullAccessRule(), f)).isEmpty();
    }
}
