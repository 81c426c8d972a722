package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class DataExfiltrationRuleTest {
    private static String on(String resource, String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void actionsOfTheClassOnEveryResourceFailWithTheirUse() {
        var f = clean().withRole(role("app").lastAccessed(service("sts", daysAgo(1))).inline("p", allow("s3:GetObject", "secretsmanager:GetSecretValue")));
        assertThat(violations(new DataExfiltrationRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("app");
            assertThat(v.evidence()).contains("data exfiltration: 2 action(s)").contains("(not used)");
        });
    }

    @Test
    void theSameActionsOnNamedResourcesOrOtherClassesPass() {
        var f = clean().withRole(role("scoped").inline("p", on("arn:aws:s3:::reports/*", "s3:GetObject", "secretsmanager:GetSecretValue")))
                .withRole(role("other").inline("p", allow("s3:ListBucket", "secretsmanager:DescribeSecret")));
        assertThat(violations(new DataExfiltrationRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new DataExfiltrationRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }

    @Test
    void wildcardsAndNotActionAreExpandedUsedActionsComeFirstAndDenyOrAdminIsHonoured() {
        var f = clean()
                .withRole(role("reader").inline("p", allow("s3:Get*", "ssm:GetParameter*"))
                        .lastAccessed(service("s3", daysAgo(3), action("GetObject", daysAgo(3)))))
                .withRole(role("power").inline("p", "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\","
                        + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":[\"s3:GetObject\",\"ssm:*\"],"
                        + "\"Resource\":\"*\"}]}"))
                .withRole(role("admin").inline("p", allow("*")));
        var v = violations(new DataExfiltrationRule(), f);
        assertThat(v).filteredOn(x -> x.principalName().equals("reader")).singleElement().satisfies(x ->
                assertThat(x.evidence()).isEqualTo("data exfiltration: 4 action(s) on every resource, 1 used in the "
                        + "window: s3:GetObject (used in the window), ssm:GetParameter (not used), "
                        + "ssm:GetParameters (not used), ssm:GetParametersByPath (not used)"));
        assertThat(v).filteredOn(x -> x.principalName().equals("power")).singleElement().satisfies(x ->
                assertThat(x.evidence()).startsWith("data exfiltration: 1 action(s)")
                        .contains("secretsmanager:GetSecretValue"));
        assertThat(v).noneSatisfy(x -> assertThat(x.principalName()).isEqualTo("admin"));
    }
}
