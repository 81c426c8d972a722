package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityAuditRoleRuleTest {
    @Test
    void noRoleWithSecurityAuditFailsEvenIfAUserHasIt() {
        var f = clean().withoutRoles()
                .withUser(user("auditor").attached("SecurityAudit", SecurityAuditRoleRule.SECURITY_AUDIT));
        assertThat(violations(new SecurityAuditRoleRule(), f)).singleElement()
                .satisfies(v -> assertThat(v.principalType()).isEqualTo("Account"));
    }

    @Test
    void aRoleWithSecurityAuditPasses() {
        var f = clean().withoutRoles().withRole(role("responder").attached("SecurityAudit", SecurityAuditRoleRule.SECURITY_AUDIT));
        assertThat(violations(new SecurityAuditRoleRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new SecurityAuditRoleRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
