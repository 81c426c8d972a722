package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureModificationRuleTest {

    private static final InfrastructureModificationRule RULE = new InfrastructureModificationRule();

    @Test
    void writesOnEveryResourceFail() {
        var f = clean().withPolicy(customer("deployer", allow("ec2:TerminateInstances", "ec2:Describe*")));
        assertThat(violations(RULE, f)).singleElement().satisfies(v -> assertThat(v.evidence()).isEqualTo(
                "infrastructure modification: 1 action(s) on every resource: ec2:TerminateInstances "
                        + "(attached 1 time(s))"));
    }

    /** Look-alike: support:* is all writes, but AWS authorizes them only on "*": nothing narrower exists. */
    @Test
    void writesThatOnlyWorkOnStarPass() {
        assertThat(violations(RULE, clean().withPolicy(customer("support", allow("support:*"))))).isEmpty();
    }

    @Test
    void writesOnNamedResourcesPass() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"ec2:TerminateInstances\",\"Resource\":\"arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc\"}]}";
        assertThat(violations(RULE, clean().withPolicy(customer("one-instance", doc)))).isEmpty();
    }

    @Test
    void readsOnEveryResourcePass() {
        assertThat(violations(RULE, clean().withPolicy(customer("reader", allow("ec2:Describe*", "s3:List*")))))
                .isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(RULE.evaluate(s, context())).isEqualTo(new RuleResult.NotEvaluated(DataSet.AUTHORIZATION,
                "AccessDenied"));
    }
}
