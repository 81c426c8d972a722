package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Violation;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CriticalServiceFullAccessRuleTest {
    @Test
    void kmsOrCloudTrailWildcardFails() {
        var f = clean().withPolicy(customer("keys", allow("kms:*", "s3:GetObject")))
                .withPolicy(customer("trail", allow("CloudTrail:*")));
        assertThat(violations(new CriticalServiceFullAccessRule(), f)).extracting(Violation::evidence)
                .containsExactly("grants all of kms (kms:*)", "grants all of cloudtrail (CloudTrail:*)");
    }

    @Test
    void everythingNotActionAndInlineOrAwsManagedPoliciesCountToo() {
        var f = clean()
                .withPolicy(managed("PowerUserAccess", "arn:aws:iam::aws:policy/PowerUserAccess",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],"
                                + "\"Resource\":\"*\"}]}", daysAgo(900)))
                .withRole(role("ops").inline("all", allow("*")))
                .withRole(role("keys").inline("k", allow("kms:*Key*", "kms:*Grant*", "kms:*crypt*", "kms:*")));
        assertThat(violations(new CriticalServiceFullAccessRule(), f)).extracting(Violation::evidence)
                .containsExactlyInAnyOrder(
                        "grants all of kms (NotAction iam:*, organizations:*); grants all of cloudtrail "
                                + "(NotAction iam:*, organizations:*)",
                        "inline all grants all of kms (*); grants all of cloudtrail (*)",
                        "inline k grants all of kms (kms:*Key*, kms:*Grant*, kms:*crypt*, kms:*)");
    }

    @Test
    void specificActionsPartialWildcardsOrNotActionExcludingTheServicePass() {
        var f = clean().withPolicy(customer("keys", allow("kms:Decrypt", "cloudtrail:LookupEvents")))
                .withRole(role("reader").inline("p", allow("kms:Describe*", "kms:List*", "cloudtrail:Get*")))
                .withRole(role("no-kms").inline("p", "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":"
                        + "[\"kms:*\",\"cloudtrail:*\"],\"Resource\":\"*\"}]}"));
        assertThat(violations(new CriticalServiceFullAccessRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new CriticalServiceFullAccessRule().evaluate(s, context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
