package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TrustOidcSubjectRuleTest {

    private static String webIdentity(String host, String condition) {
        return "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::" + ACCOUNT
                + ":oidc-provider/" + host + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "token.actions.githubusercontent.com, repo:acme/app:ref:refs/heads/main",
            "gitlab.com, project_path:acme/app:ref_type:branch:ref:main",
            "app.terraform.io, organization:acme:project:prod:workspace:net:run_phase:apply",
            "api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc, {0a1b}:{2c3d}",
            "oidc.circleci.com/org/5f2c0e6a-1111-2222-3333-444455556666, org/5f2c/project/77aa/user/88bb",
            "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE, system:serviceaccount:web:api"})
    void eachKnownIssuerNeedsASubjectAndASpecificOnePasses(String host, String subject) {
        String audOnly = "{\"StringEquals\":{\"" + host + ":aud\":\"sts.amazonaws.com\"}}";
        String withSub = "{\"StringEquals\":{\"" + host + ":aud\":\"sts.amazonaws.com\",\"" + host + ":sub\":\""
                + subject + "\"}}";
        var f = clean().withRole(role("open").trust(webIdentity(host, audOnly)))
                .withRole(role("pinned").trust(webIdentity(host, withSub)));
        assertThat(violations(new TrustOidcSubjectRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("open");
            assertThat(v.evidence()).contains("without a " + host + ":sub condition");
        });
    }

    @Test
    void wildcardSubjectsFailAnOrganizationWidePatternPasses() {
        String gh = "token.actions.githubusercontent.com";
        var f = clean()
                .withRole(role("any-repo").trust(webIdentity(gh, "{\"StringLike\":{\"" + gh + ":sub\":\"repo:*\"}}")))
                .withRole(role("star").trust(webIdentity(gh, "{\"StringLike\":{\"" + gh + ":sub\":[\"*\"]}}")))
                .withRole(role("any-sa").trust(webIdentity("oidc.eks.us-east-1.amazonaws.com/id/ABC",
                        "{\"StringLike\":{\"oidc.eks.us-east-1.amazonaws.com/id/ABC:sub\":\"system:serviceaccount:*\"}}")))
                .withRole(role("org-repos").trust(webIdentity(gh,
                        "{\"StringLike\":{\"" + gh + ":sub\":\"repo:acme/*\"}}")));
        assertThat(violations(new TrustOidcSubjectRule(), f)).extracting(Violation::principalName)
                .containsExactlyInAnyOrder("any-repo", "star", "any-sa");
    }

    @Test
    void unknownIssuersAndOtherPrincipalsAreNotJudged() {
        var f = clean().withRole(role("own-idp").trust(webIdentity("login.acme.example.com", null)))
                .withRole(role("svc").trust(TrustAnyPrincipalRuleTest.trust("{\"Service\":\"ec2.amazonaws.com\"}",
                        null)));
        assertThat(violations(new TrustOidcSubjectRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new TrustOidcSubjectRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
