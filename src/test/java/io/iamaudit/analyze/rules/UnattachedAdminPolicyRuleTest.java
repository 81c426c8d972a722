package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.stage.ManagedPolicy;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class UnattachedAdminPolicyRuleTest {
    private static ManagedPolicy withAttachments(ManagedPolicy p, int count) {
        return new ManagedPolicy(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), count,
                p.createDate(), p.updateDate(), p.defaultDocument(), p.defaultVersionCreateDate());
    }

    @Test
    void anUnattachedCustomerAdminPolicyFails() {
        var f = clean().withPolicy(withAttachments(customer("break-glass", allow("*")), 0));
        assertThat(violations(new UnattachedAdminPolicyRule(), f)).singleElement()
                .satisfies(v -> assertThat(v.principalName()).isEqualTo("break-glass"));
    }

    @Test
    void attachedOrNarrowOrAwsManagedPoliciesPass() {
        var f = clean().withPolicy(withAttachments(customer("in-use", allow("*")), 1))
                .withPolicy(withAttachments(customer("narrow", allow("s3:*")), 0))
                .withPolicy(withAttachments(managed("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess",
                        allow("*"), daysAgo(900)), 0));
        assertThat(violations(new UnattachedAdminPolicyRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new UnattachedAdminPolicyRule().evaluate(s, context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
