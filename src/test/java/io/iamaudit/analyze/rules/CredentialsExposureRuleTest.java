package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CredentialsExposureRuleTest {
    private static String on(String resource, String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void actionsOfTheClassOnEveryResourceFailWithTheirUse() {
        var f = clean().withRole(role("app").lastAccessed(service("sts", daysAgo(1))).inline("p", allow("ecr:GetAuthorizationToken", "ec2:GetPasswordData")));
        assertThat(violations(new CredentialsExposureRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("app");
            assertThat(v.evidence()).contains("credentials exposure: 2 action(s)").contains("(not used)");
        });
    }

    @Test
    void theSameActionsOnNamedResourcesOrOtherClassesPass() {
        var f = clean().withRole(role("scoped").inline("p", on("arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc", "ecr:GetAuthorizationToken", "ec2:GetPasswordData")))
                .withRole(role("other").inline("p", allow("ecr:DescribeRepositories", "ec2:DescribeInstances")));
        assertThat(violations(new CredentialsExposureRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new CredentialsExposureRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
