package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TrustSamlAudienceRuleTest {

    private static String saml(String condition) {
        return "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::" + ACCOUNT
                + ":saml-provider/Okta\"},\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"]"
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    @Test
    void samlTrustWithoutAudienceFails() {
        var f = clean().withRole(role("okta-admin").trust(saml(null)));
        assertThat(violations(new TrustSamlAudienceRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("okta-admin");
            assertThat(v.evidence()).isEqualTo("trusts SAML provider Okta without a SAML:aud condition");
        });
    }

    @Test
    void samlTrustWithAudiencePassesAndOtherConditionsDoNotCount() {
        var good = clean().withRole(role("okta-admin").trust(saml(
                "{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}")));
        var other = clean().withRole(role("okta-admin").trust(saml(
                "{\"StringEquals\":{\"saml:sub_type\":\"persistent\"}}")));
        assertThat(violations(new TrustSamlAudienceRule(), good)).isEmpty();
        assertThat(violations(new TrustSamlAudienceRule(), other)).hasSize(1);
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new TrustSamlAudienceRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
