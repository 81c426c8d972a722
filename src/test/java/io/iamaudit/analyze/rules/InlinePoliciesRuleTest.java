package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InlinePoliciesRuleTest {
    @Test
    void roleAndGroupWithInlinePoliciesFail() {
        var f = clean().withRole(role("app").inline("s3", allow("s3:GetObject")))
                .withGroup("dev", List.of(), List.of(new PolicyRefs.InlinePolicy("x", allow("ec2:Describe*"))));
        assertThat(violations(new InlinePoliciesRule(), f)).extracting(Violation::principalName, Violation::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app", "inline: s3"),
                        org.assertj.core.groups.Tuple.tuple("dev", "inline: x"));
    }

    @Test
    void managedOnlyAndServiceLinkedRolesPass() {
        var f = clean().withRole(role("AWSServiceRoleForX").path("/aws-service-role/x.amazonaws.com/")
                .inline("aws", allow("s3:GetObject")));
        assertThat(violations(new InlinePoliciesRule(), f)).isEmpty();
    }
}
