package io.iamaudit.deploy;

import io.iamaudit.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.iamaudit.deploy.DeployPolicies.auditPermissions;
import static io.iamaudit.deploy.DeployPolicies.granted;
import static io.iamaudit.deploy.DeployPolicies.grants;
import static io.iamaudit.deploy.DeployPolicies.requiredActions;
import static io.iamaudit.deploy.DeployPolicies.runnerJson;
import static io.iamaudit.deploy.DeployPolicies.runnerYaml;
import static io.iamaudit.deploy.DeployPolicies.violations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional Security Hub import: securityhub:BatchImportFindings is granted only when the deployment asks for it
 * ({@code ImportFindingsToSecurityHub=true}, or the statement kept in runner-policy.json), only on a default
 * product, and the audit role only on its own account's.
 */
class DeploySecurityHubPolicyTest {
    private static final String IMPORT = "securityhub:BatchImportFindings";

    @Test
    void withTheImportEachPolicyGrantsExactlyItsListPlusBatchImportFindings() {
        Map<String, PolicyDocument> runner = Map.of("runner-policy.json", runnerJson(false, true),
                "runner-role.yaml", runnerYaml(false, true));
        runner.forEach((name, doc) -> {
            assertThat(violations(doc, requiredActions("runner", false, true))).as(name).isEmpty();
            assertThat(granted(doc)).as(name)
                    .containsExactlyInAnyOrderElementsOf(requiredActions("runner", false, true)).contains(IMPORT);
        });
        PolicyDocument audit = auditPermissions(true);
        assertThat(granted(audit)).containsExactlyInAnyOrderElementsOf(requiredActions("audit", false, true))
                .contains(IMPORT);
        String own = "arn:aws:securityhub:eu-west-1:" + CfnTemplate.ACCOUNT + ":product/" + CfnTemplate.ACCOUNT
                + "/default";
        assertThat(grants(audit, IMPORT, own)).isTrue();
        // the look-alike: another account's product is not the audit role's to write
        assertThat(grants(audit, IMPORT, "arn:aws:securityhub:eu-west-1:999999999999:product/999999999999/default"))
                .isFalse();
    }

    @Test
    void withoutTheImportNoPolicyGrantsAnySecurityHubAction() {
        for (PolicyDocument doc : new PolicyDocument[]{runnerJson(true), runnerJson(false), runnerYaml(true),
                runnerYaml(false), auditPermissions()}) {
            assertThat(granted(doc)).noneMatch(a -> a.startsWith("securityhub:"));
        }
    }
}
