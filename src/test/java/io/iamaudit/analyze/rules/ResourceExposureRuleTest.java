package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceExposureRuleTest {
    private static String on(String resource, String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void actionsOfTheClassOnEveryResourceFailWithTheirUse() {
        var f = clean().withRole(role("app").lastAccessed(service("sts", daysAgo(1))).inline("p", allow("s3:PutBucketPolicy", "kms:PutKeyPolicy")));
        assertThat(violations(new ResourceExposureRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("app");
            assertThat(v.evidence()).contains("resource exposure: 2 action(s)").contains("(not used)");
        });
    }

    @Test
    void theSameActionsOnNamedResourcesOrOtherClassesPass() {
        var f = clean().withRole(role("scoped").inline("p", on("arn:aws:s3:::reports", "s3:PutBucketPolicy", "kms:PutKeyPolicy")))
                .withRole(role("other").inline("p", allow("s3:GetBucketPolicy", "kms:DescribeKey")));
        assertThat(violations(new ResourceExposureRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new ResourceExposureRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
