package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.RuleResult;
import io.iamaudit.stage.Secret;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.ACCOUNT;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.rules.SecretFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretPolicyExposureRuleTest {
    private static final String ANYONE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
             "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
    private static final String ORG_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},
             "Action":"secretsmanager:GetSecretValue","Resource":"*",
             "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}""";
    private static final String FOREIGN = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
             "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
    private static final String SISTER = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/app"},
             "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
    private static final String DENY_ANYONE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",
             "Action":"secretsmanager:DeleteSecret","Resource":"*"}]}""";

    private final SecretPolicyExposureRule rule = new SecretPolicyExposureRule();

    private static Secret withPolicy(String name, String policy) {
        return kept(name).withPolicy(policy, null);
    }

    @Test
    void principalStarFailsBesideTheSameGrantConfinedToTheOrganization() {
        var f = clean().withSecretRegion(read(withPolicy("public", ANYONE), withPolicy("org", ORG_ONLY),
                withPolicy("deny", DENY_ANYONE), kept("none")));
        assertThat(violations(rule, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).startsWith("public");
            assertThat(v.evidence()).contains("anyone");
        });
    }

    @Test
    void anAccountOutsideTheOrganizationFailsOneInsidePasses() {
        var f = clean().withSecretRegion(read(withPolicy("foreign", FOREIGN), withPolicy("sister", SISTER)));
        var ctx = context().withOrganizationAccountIds(Set.of(ACCOUNT, "222222222222"));
        assertThat(violations(rule, f.build(), ctx)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).startsWith("foreign");
            assertThat(v.evidence()).contains("999999999999");
        });
    }

    @Test
    void anUnreadPolicyIsNotEvaluatedUnlessAnotherFails() {
        var unread = kept("unread").withPolicy(null, "AccessDeniedException: no (HTTP 400)");
        assertThat(rule.evaluate(clean().withSecretRegion(read(unread, kept("none"))).build(), context()))
                .isInstanceOfSatisfying(RuleResult.NotEvaluated.class,
                        n -> assertThat(n.error()).contains("unread"));
        assertThat(violations(rule, clean().withSecretRegion(read(unread, withPolicy("public", ANYONE)))))
                .hasSize(1);
    }
}
