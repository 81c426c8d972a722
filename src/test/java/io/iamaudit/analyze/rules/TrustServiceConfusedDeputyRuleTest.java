package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Violation;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static io.iamaudit.analyze.rules.TrustAnyPrincipalRuleTest.trust;
import static org.assertj.core.api.Assertions.assertThat;

class TrustServiceConfusedDeputyRuleTest {

    @Test
    void aServiceTrustWithoutSourceConditionsFails() {
        var f = clean().withRole(role("build").trust(trust("{\"Service\":[\"codebuild.amazonaws.com\"]}", null)));
        assertThat(violations(new TrustServiceConfusedDeputyRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.subject()).isEqualTo("codebuild.amazonaws.com");
            assertThat(v.evidence()).contains("without aws:SourceAccount or aws:SourceArn");
        });
    }

    @Test
    void sourceAccountOrSourceArnPasses() {
        var f = clean()
                .withRole(role("config").trust(trust("{\"Service\":\"config.amazonaws.com\"}",
                        "{\"StringEquals\":{\"aws:SourceAccount\":\"" + ACCOUNT + "\"}}")))
                .withRole(role("trail").trust(trust("{\"Service\":\"cloudtrail.amazonaws.com\"}",
                        "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/*\"}}")));
        assertThat(violations(new TrustServiceConfusedDeputyRule(), f)).isEmpty();
    }

    @Test
    void passedRoleServicesServiceLinkedRolesAndAccountTrustAreNotJudged() {
        var f = clean()
                .withRole(role("instance").trust(trust("{\"Service\":\"ec2.amazonaws.com\"}", null)))
                .withRole(role("fn").trust(trust("{\"Service\":\"lambda.amazonaws.com\"}", null)))
                .withRole(role("AWSServiceRoleForSupport").path("/aws-service-role/support.amazonaws.com/")
                        .trust(trust("{\"Service\":\"support.amazonaws.com\"}", null)));
        assertThat(violations(new TrustServiceConfusedDeputyRule(), f)).extracting(Violation::principalName)
                .isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new TrustServiceConfusedDeputyRule().evaluate(s, context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
