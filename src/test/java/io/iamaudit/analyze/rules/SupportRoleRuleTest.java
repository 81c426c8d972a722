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

class SupportRoleRuleTest {
    @Test
    void noSupportAccessAnywhereFails() {
        assertThat(violations(new SupportRoleRule(), clean().withoutRoles())).hasSize(1);
    }

    @Test
    void supportAccessOnAGroupPasses() {
        var f = clean().withoutRoles().withGroup("support",
                List.of(new PolicyRefs.AttachedPolicy("AWSSupportAccess", SUPPORT_ARN)), List.of());
        assertThat(violations(new SupportRoleRule(), f)).isEmpty();
    }
}
