package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.EscalationCatalog;
import io.iamaudit.analyze.risk.EscalationPath;
import io.iamaudit.stage.PolicyRefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeEscalationRuleTest {

    static Stream<EscalationPath> paths() {
        return EscalationCatalog.bundled().paths().stream();
    }

    private static List<String> found(SnapshotFixtures f) {
        return violations(new PrivilegeEscalationRule(), f).stream().map(Violation::subject).toList();
    }

    private static List<String> foundConfined(SnapshotFixtures f) {
        return violations(new PrivilegeEscalationConfinedRule(), f).stream().map(Violation::subject).toList();
    }

    private static String policy(String effectAndActions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + effectAndActions + "]}";
    }

    private static String statement(String effect, List<String> actions, String resource) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":[\"" + String.join("\",\"", actions) + "\"],\"Resource\":\""
                + resource + "\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void exactlyThePathsActionsOnEveryResourceOpenIt(EscalationPath path) {
        var f = clean().withRole(role("r").inline("p", allow(path.actions().toArray(String[]::new))));
        assertThat(found(f)).contains(path.id());
        assertThat(foundConfined(f)).doesNotContain(path.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void allButOneActionLeavesItClosed(EscalationPath path) {
        for (int i = 0; i < path.actions().size(); i++) {
            List<String> partial = new ArrayList<>(path.actions());
            partial.remove(i);
            // a look-alike granting the same service's read-only neighbour in place of the missing action
            partial.add(path.actions().get(i).split(":")[0] + ":ListTagsForResource");
            var f = clean().withRole(role("r").inline("p", allow(partial.toArray(String[]::new))));
            assertThat(found(f)).as("without %s", path.actions().get(i)).doesNotContain(path.id());
            assertThat(foundConfined(f)).as("without %s", path.actions().get(i)).doesNotContain(path.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void anUnconditionalDenyOfOneActionClosesIt(EscalationPath path) {
        String denied = path.actions().get(path.actions().size() - 1);
        var f = clean().withRole(role("r").inline("p", policy(statement("Allow", path.actions(), "*") + ","
                + statement("Deny", List.of(denied), "*"))));
        assertThat(found(f)).doesNotContain(path.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void aPermissionsBoundaryWithoutOneActionClosesIt(EscalationPath path) {
        List<String> bounded = path.actions().subList(1, path.actions().size());
        String boundary = bounded.isEmpty() ? allow("s3:GetObject") : allow(bounded.toArray(String[]::new));
        var f = clean().withPolicy(customer("boundary", boundary))
                .withRole(role("r").inline("p", allow(path.actions().toArray(String[]::new)))
                        .boundary(arn("policy", "boundary")));
        assertThat(found(f)).doesNotContain(path.id());
        assertThat(foundConfined(f)).doesNotContain(path.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void confinedToOneResourceItIsReportedAtLowerSeverityWithTheResource(EscalationPath path) {
        String target = arn("role", "build-runner");
        var f = clean().withRole(role("r").inline("p", policy(statement("Allow", path.actions(), target))));
        assertThat(found(f)).doesNotContain(path.id());
        if (path.anyResource()) {
            assertThat(foundConfined(f)).doesNotContain(path.id());
        } else {
            assertThat(violations(new PrivilegeEscalationConfinedRule(), f))
                    .filteredOn(v -> path.id().equals(v.subject())).singleElement()
                    .satisfies(v -> assertThat(v.evidence()).contains("confined to").contains(target));
        }
    }

    @Test
    void theConfinedRuleIsLessSevere() {
        assertThat(new PrivilegeEscalationConfinedRule().metadata().severity().ordinal())
                .isNotEqualTo(new PrivilegeEscalationRule().metadata().severity().ordinal());
        assertThat(new PrivilegeEscalationConfinedRule().metadata().severity())
                .isEqualTo(io.iamaudit.stage.Severity.MEDIUM);
    }

    @Test
    void evidenceNamesThePathItsActionsAndWhetherLastAccessedShowsThemUsed() {
        var f = clean().withRole(role("dev").inline("x", allow("iam:PassRole", "ec2:RunInstances"))
                .lastAccessed(service("iam", daysAgo(5), action("PassRole", daysAgo(5))),
                        service("ec2", null, action("RunInstances", null))));
        assertThat(violations(new PrivilegeEscalationRule(), f))
                .filteredOn(v -> "CreateEC2WithExistingIP".equals(v.subject())).singleElement()
                .satisfies(v -> {
                    assertThat(v.principalName()).isEqualTo("dev");
                    assertThat(v.evidence()).startsWith("path CreateEC2WithExistingIP: "
                            + "iam:PassRole (used in the window) + ec2:RunInstances (not used)");
                    assertThat(v.evidence()).contains("https://pathfinding.cloud/paths/ec2-001");
                });
    }

    @Test
    void withoutLastAccessedDataUsageIsUnknownNotUnused() {
        var f = clean().withRole(role("dev").inline("x", allow("lambda:UpdateFunctionCode"))
                .lastAccessedError("AccessDenied"));
        assertThat(violations(new PrivilegeEscalationRule(), f)).singleElement()
                .satisfies(v -> assertThat(v.evidence()).contains("lambda:UpdateFunctionCode (usage unknown)"));
    }

    @Test
    void wildcardsAndNotActionReachThePaths() {
        var f = clean().withGroup("g", List.of(), List.of(new PolicyRefs.InlinePolicy("p", allow("iam:Create*"))))
                .withUser(user("u").group("g"))
                .withRole(role("power").inline("p", "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":"
                        + "[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}]}"));
        List<Violation> v = violations(new PrivilegeEscalationRule(), f);
        assertThat(v).filteredOn(x -> x.principalName().equals("u")).extracting(Violation::subject)
                .contains("CreateNewPolicyVersion", "CreateAccessKey", "CreateLoginProfile")
                .doesNotContain("AttachUserPolicy");
        assertThat(v).filteredOn(x -> x.principalName().equals("power")).extracting(Violation::subject)
                .contains("EditExistingLambdaFunctionWithRole", "SSMSendCommandToInstance")
                .doesNotContain("CreateEC2WithExistingIP", "CreateAccessKey");
    }

    @Test
    void aRoleArnWildcardIsNotAConfinement() {
        var f = clean().withRole(role("r").inline("p", policy(
                statement("Allow", List.of("iam:PassRole"), "arn:aws:iam::" + ACCOUNT + ":role/*") + ","
                        + statement("Allow", List.of("ec2:RunInstances"), "*"))));
        assertThat(found(f)).contains("CreateEC2WithExistingIP");
    }

    @Test
    void assumeRoleOnNamedRolesIsNoPathButOnEveryRoleItIs() {
        var named = clean().withRole(role("r").inline("p", policy(statement("Allow", List.of("sts:AssumeRole"),
                arn("role", "deploy")))));
        var any = clean().withRole(role("r").inline("p", allow("sts:AssumeRole")));
        assertThat(found(named)).isEmpty();
        assertThat(foundConfined(named)).isEmpty();
        assertThat(found(any)).containsExactly("AssumeAnyRole");
    }

    @Test
    void administratorsAreLeftToTheFullAdminRuleUnlessABoundaryCapsThem() {
        var admin = clean().withRole(role("admin").inline("p", allow("*")));
        var bounded = clean().withPolicy(customer("b", allow("iam:CreateAccessKey")))
                .withRole(role("admin").inline("p", allow("*")).boundary(arn("policy", "b")));
        assertThat(found(admin)).isEmpty();
        assertThat(found(bounded)).containsExactly("CreateAccessKey");
    }

    @Test
    void aBoundaryNotCollectedIsNotAppliedAndTheEvidenceSaysSo() {
        var f = clean().withRole(role("r").inline("p", allow("iam:CreateAccessKey")).boundary(arn("policy", "gone")));
        assertThat(violations(new PrivilegeEscalationRule(), f)).singleElement()
                .satisfies(v -> assertThat(v.evidence()).contains("permissions boundary").contains("not collected"));
    }

    @Test
    void aConditionalDenyDoesNotCloseAPath() {
        var f = clean().withRole(role("r").inline("p", policy(statement("Allow", List.of("iam:CreateAccessKey"), "*")
                + ",{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                + "{\"aws:MultiFactorAuthPresent\":\"false\"}}}")));
        assertThat(found(f)).contains("CreateAccessKey");
    }

    @Test
    void withoutAuthorizationDetailsNeitherRuleIsEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new PrivilegeEscalationRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
        assertThat(new PrivilegeEscalationConfinedRule().evaluate(s, context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
