package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.ManagedPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceWildcardRuleTest {

    private static final ServiceWildcardRule RULE = new ServiceWildcardRule();
    private static final String S3_FULL = "arn:aws:iam::aws:policy/AmazonS3FullAccess";

    private static ManagedPolicy awsManaged(String name, String path, int attachments, String document) {
        return new ManagedPolicy(name, "ID" + name, "arn:aws:iam::aws:policy" + path + name, path, "v1",
                attachments, daysAgo(100), daysAgo(100), document, daysAgo(100));
    }

    /** One wildcard per first letter of the service's actions: together they leave nothing of it out. */
    private static List<String> byFirstLetter(String service) {
        return ActionCatalog.bundled().actionsOf(service).stream()
                .map(a -> service + ":" + a.substring(service.length() + 1, service.length() + 2) + "*")
                .distinct().toList();
    }

    @Test
    void customerPolicyWithServiceStarFails() {
        var f = clean().withPolicy(customer("s3-all", allow("s3:*", "ec2:Describe*")));
        assertThat(violations(RULE, f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).isEqualTo("allows s3:* (attached 1 time(s))"));
    }

    @Test
    void specificActionsAndPartialWildcardsPass() {
        var f = clean().withPolicy(customer("read", allow("s3:Get*", "s3:ListBucket", "ec2:Describe*")));
        assertThat(violations(RULE, f)).isEmpty();
    }

    @Test
    void anAttachedAwsManagedFullAccessPolicyFails() {
        var f = clean().withPolicy(awsManaged("AmazonS3FullAccess", "/", 2, allow("s3:*", "s3-object-lambda:*")));
        assertThat(violations(RULE, f)).singleElement().satisfies(x -> {
            assertThat(x.principalArn()).isEqualTo(S3_FULL);
            assertThat(x.evidence()).isEqualTo("allows s3:*, s3-object-lambda:* (attached 2 time(s))");
        });
    }

    /** Look-alikes: AWS managed policies nobody in the account holds, and service-linked roles' own policies. */
    @Test
    void unattachedAwsManagedAndServiceRolePoliciesPass() {
        var f = clean().withPolicy(awsManaged("AmazonS3FullAccess", "/", 0, allow("s3:*")))
                .withPolicy(awsManaged("AWSSSOServiceRolePolicy", "/aws-service-role/", 1, allow("sso:*")));
        assertThat(violations(RULE, f)).isEmpty();
    }

    @Test
    void wildcardsThatTogetherCoverAServiceFail() {
        List<String> all = byFirstLetter("kms");
        var f = clean().withPolicy(customer("kms-spread", allow(all.toArray(String[]::new))));
        assertThat(violations(RULE, f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).startsWith("allows kms:* (through " + all.get(0)));
        // look-alike: one letter short is not the whole service
        var fewer = clean().withPolicy(customer("kms-most", allow(all.subList(1, all.size()).toArray(String[]::new))));
        assertThat(violations(RULE, fewer)).isEmpty();
    }

    @Test
    void inlineNotActionGrantsEveryOtherService() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\","
                + "\"Resource\":\"*\"}]}";
        var f = clean().withRole(role("power").inline("not-iam", doc));
        int services = ActionCatalog.bundled().prefixes().size() - 2; // all but iam and the exempt support
        assertThat(violations(RULE, f)).singleElement().satisfies(x -> {
            assertThat(x.principalName()).isEqualTo("power");
            assertThat(x.subject()).isEqualTo("not-iam");
            assertThat(x.evidence()).contains("allows all of " + services + " services (through NotAction iam:*)")
                    .doesNotContain("iam,");
        });
    }

    /** Action "*" on Resource "*" is full administrator: IAM.POLICY.FULL_ADMIN reports it, once. */
    @Test
    void fullAdministratorIsLeftToTheFullAdminRule() {
        var f = clean().withUser(user("ops").inline("everything", allow("*")));
        assertThat(violations(RULE, f)).isEmpty();
        assertThat(violations(new FullAdminPolicyRule(), f)).isNotEmpty();
    }

    /** support:* is what AWSSupportAccess grants and CIS asks for: not reported. */
    @Test
    void supportStarIsExempt() {
        var f = clean().withPolicy(customer("support-cases", allow("support:*")));
        assertThat(violations(RULE, f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(RULE.evaluate(s, context())).isEqualTo(new RuleResult.NotEvaluated(DataSet.AUTHORIZATION,
                "AccessDenied"));
    }
}
