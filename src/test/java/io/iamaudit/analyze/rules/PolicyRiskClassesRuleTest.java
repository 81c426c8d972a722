package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.stage.ManagedPolicy;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyRiskClassesRuleTest {

    private static final PolicyRiskClassesRule RULE = new PolicyRiskClassesRule();

    static ManagedPolicy awsManaged(String name, int attachments, String document) {
        return new ManagedPolicy(name, "ID" + name, "arn:aws:iam::aws:policy/" + name, "/", "v1", attachments,
                daysAgo(100), daysAgo(100), document, daysAgo(100));
    }

    @Test
    void aCustomerPolicyReadingSecretsEverywhereFails() {
        var f = clean().withPolicy(customer("secrets", allow("secretsmanager:GetSecretValue", "ec2:Describe*")));
        assertThat(violations(RULE, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("secrets");
            assertThat(v.evidence()).isEqualTo("data exfiltration: 1 action(s) on every resource: "
                    + "secretsmanager:GetSecretValue (attached 1 time(s))");
        });
    }

    /** Look-alike: the same action on a named secret. */
    @Test
    void theSameActionOnANamedResourcePasses() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":\"arn:aws:secretsmanager:eu-west-1:111111111111:"
                + "secret:app-*\"}]}";
        assertThat(violations(RULE, clean().withPolicy(customer("one-secret", doc)))).isEmpty();
    }

    @Test
    void anInlinePolicyGivingCredentialsAndResourcePoliciesFails() {
        var f = clean().withRole(role("ops").inline("keys", allow("iam:CreateAccessKey", "s3:PutBucketPolicy")));
        assertThat(violations(RULE, f)).singleElement().satisfies(v -> {
            assertThat(v.principalName()).isEqualTo("ops");
            assertThat(v.subject()).isEqualTo("keys");
            assertThat(v.evidence()).contains("credentials exposure: 1 action(s) on every resource: iam:CreateAccessKey")
                    .contains("resource exposure: 1 action(s) on every resource: s3:PutBucketPolicy");
        });
    }

    @Test
    void anAttachedAwsManagedPolicyIsJudgedAndAnUnattachedOneIsNot() {
        String doc = allow("s3:Get*", "s3:List*");
        assertThat(violations(RULE, clean().withPolicy(awsManaged("AmazonS3ReadOnlyAccess", 1, doc))))
                .singleElement().satisfies(v -> assertThat(v.evidence()).startsWith("data exfiltration: 1 action(s)"
                        + " on every resource: s3:GetObject (attached 1 time(s))"));
        assertThat(violations(RULE, clean().withPolicy(awsManaged("AmazonS3ReadOnlyAccess", 0, doc)))).isEmpty();
    }

    /** An unconditional Deny in the same document takes the action back. */
    @Test
    void aDenyInTheSameDocumentRemovesTheRisk() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        assertThat(violations(RULE, clean().withPolicy(customer("cancelled", doc)))).isEmpty();
    }

    @Test
    void fullAdministratorDocumentsAreLeftToFullAdmin() {
        assertThat(violations(RULE, clean().withPolicy(customer("admin", allow("*"))))).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(RULE.evaluate(s, context())).isEqualTo(new RuleResult.NotEvaluated(DataSet.AUTHORIZATION,
                "AccessDenied"));
    }
}
