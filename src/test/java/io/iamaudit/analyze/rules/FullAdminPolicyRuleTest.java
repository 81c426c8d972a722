package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class FullAdminPolicyRuleTest {
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @Test
    void administratorAccessOnARoleAndStarInlineOnAGroupFail() {
        var f = clean().withPolicy(managed("AdministratorAccess", ADMIN, allow("*"), daysAgo(900)))
                .withRole(role("ops").attached("AdministratorAccess", ADMIN))
                .withGroup("all", List.of(), List.of(new PolicyRefs.InlinePolicy("god", allow("*"))));
        assertThat(violations(new FullAdminPolicyRule(), f)).extracting(Violation::principalName)
                .containsExactlyInAnyOrder("ops", "all");
    }

    @Test
    void administratorAccessWithoutACollectedDocumentStillFails() {
        var f = clean().withUser(user("old-admin").attached("AdministratorAccess", ADMIN));
        assertThat(violations(new FullAdminPolicyRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("document not collected"));
    }

    @Test
    void conditionalOrScopedStarPasses() {
        String conditioned = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        String scoped = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        var f = clean().withRole(role("a").inline("c", conditioned)).withRole(role("b").inline("s", scoped));
        assertThat(violations(new FullAdminPolicyRule(), f)).isEmpty();
    }
}
