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

class PrivilegeEscalationRuleTest {
    @Test
    void passRoleWithLambdaCreateAndInvokeFails() {
        var f = clean().withRole(role("dev").inline("x", allow("iam:PassRole", "lambda:CreateFunction",
                "lambda:InvokeFunction")));
        assertThat(violations(new PrivilegeEscalationRule(), f)).singleElement().satisfies(x -> {
            assertThat(x.principalName()).isEqualTo("dev");
            assertThat(x.evidence()).isEqualTo("allows iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction");
        });
    }

    @Test
    void singleActionPathsThroughGroupsFail() {
        var f = clean().withGroup("g", List.of(), List.of(new PolicyRefs.InlinePolicy("p", allow("iam:Create*"))))
                .withUser(user("u").group("g"));
        assertThat(violations(new PrivilegeEscalationRule(), f)).extracting(Violation::subject)
                .contains("iam:CreatePolicyVersion", "iam:CreateAccessKey", "iam:CreateLoginProfile");
    }

    @Test
    void incompleteCombinationsOrDeniedActionsPass() {
        String denied = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:CreateAccessKey\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}";
        var f = clean().withRole(role("a").inline("x", allow("iam:PassRole", "lambda:CreateFunction")))
                .withRole(role("b").inline("y", denied));
        assertThat(violations(new PrivilegeEscalationRule(), f)).isEmpty();
    }
}
