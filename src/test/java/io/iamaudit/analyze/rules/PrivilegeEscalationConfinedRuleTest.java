package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.Severity;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-path cases (each path confined to one resource) are in {@link PrivilegeEscalationRuleTest}. */
class PrivilegeEscalationConfinedRuleTest {

    private static String passRoleOn(String roleArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                + "\"Resource\":\"" + roleArn + "\"},{\"Effect\":\"Allow\",\"Action\":[\"lambda:CreateFunction\","
                + "\"lambda:InvokeFunction\"],\"Resource\":\"*\"}]}";
    }

    @Test
    void passRoleConfinedToOneRoleIsReportedWithThatRoleAtMediumSeverity() {
        var f = clean().withRole(role("deployer").inline("p", passRoleOn(arn("role", "lambda-exec"))));
        assertThat(new PrivilegeEscalationConfinedRule().metadata().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(violations(new PrivilegeEscalationConfinedRule(), f)).singleElement().satisfies(v -> {
            assertThat(v.subject()).isEqualTo("PassExistingRoleToNewLambdaThenInvoke");
            assertThat(v.evidence()).contains("confined to iam:PassRole on " + arn("role", "lambda-exec"));
        });
        assertThat(violations(new PrivilegeEscalationRule(), f)).isEmpty();
    }

    @Test
    void theSamePathOnEveryRoleIsNotConfined() {
        var f = clean().withRole(role("deployer").inline("p", passRoleOn("*")));
        assertThat(violations(new PrivilegeEscalationConfinedRule(), f)).isEmpty();
        assertThat(violations(new PrivilegeEscalationRule(), f)).extracting(Violation::subject)
                .containsExactly("PassExistingRoleToNewLambdaThenInvoke");
    }

    @Test
    void aPrincipalWithoutThePathsActionsPasses() {
        var f = clean().withRole(role("reader").inline("p", allow("s3:GetObject", "lambda:GetFunction")));
        assertThat(violations(new PrivilegeEscalationConfinedRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new PrivilegeEscalationConfinedRule().evaluate(s, context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
