package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class AdminWithoutMfaRuleTest {
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @Test
    void administratorThroughAGroupWithoutMfaFails() {
        var f = clean().withPolicy(managed("AdministratorAccess", ADMIN, allow("*"), daysAgo(900)))
                .withGroup("admins", List.of(new PolicyRefs.AttachedPolicy("AdministratorAccess", ADMIN)), List.of())
                .withUser(user("root-ish").group("admins").console(daysAgo(1)));
        assertThat(violations(new AdminWithoutMfaRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("full administrator"));
    }

    @Test
    void inlineStarOnStarWithoutMfaFails() {
        var f = clean().withUser(user("bob").inline("all", allow("*")).key(daysAgo(3), daysAgo(1)));
        assertThat(violations(new AdminWithoutMfaRule(), f)).hasSize(1);
    }

    @Test
    void administratorWithMfaAndNonAdminWithoutMfaPass() {
        var f = clean().withUser(user("bob").inline("all", allow("*")).console(daysAgo(1)).mfa())
                .withUser(user("eve").inline("read", allow("s3:GetObject")).console(daysAgo(1)));
        assertThat(violations(new AdminWithoutMfaRule(), f)).isEmpty();
    }
}
