package io.iamaudit.deploy;

import io.iamaudit.collect.SecretsCollector;
import io.iamaudit.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit reads about secrets, never a secret: no policy grants GetSecretValue (nor BatchGetSecretValue), the list
 * of required actions does not name it, and no production class calls it. The reads it does need are granted.
 */
class SecretsPolicyTest {
    private static final List<String> SECRET_VALUE_ACTIONS = List.of("secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue");

    private static Map<String, PolicyDocument> policies() {
        return Map.of("runner-policy.json", DeployPolicies.runnerJson(true),
                "runner-role.yaml", DeployPolicies.runnerYaml(true),
                "audit-role-stackset.yaml", DeployPolicies.auditPermissions());
    }

    @Test
    void noPolicyGrantsASecretsValueAndEveryOneGrantsTheMetadataReads() {
        policies().forEach((name, policy) -> {
            for (String action : SECRET_VALUE_ACTIONS) {
                assertThat(policy.allows()).as("%s must not grant %s", name, action)
                        .noneMatch(s -> s.coversAction(action));
            }
            for (String action : List.of("secretsmanager:ListSecrets", "secretsmanager:GetResourcePolicy",
                    "account:ListRegions")) {
                assertThat(policy.allows()).as("%s grants %s", name, action).anyMatch(s -> s.coversAction(action));
            }
        });
    }

    @Test
    void requiredActionsNeverNameASecretsValue() {
        assertThat(DeployPolicies.requirements()).noneMatch(r -> SECRET_VALUE_ACTIONS.contains(r.iamAction())
                || r.operation().toLowerCase().contains("secretvalue"));
        assertThat(DeployPolicies.requirements()).extracting(DeployPolicies.Requirement::operation)
                .contains("secretsmanager:ListSecrets", "secretsmanager:GetResourcePolicy", "account:ListRegions")
                .doesNotContain("secretsmanager:DescribeSecret");
    }

    /**
     * Any call to a method compiles into a reference to its name in the caller's constant pool, whatever the overload or
     * client: no production class file holds the name (a bytecode scan, much faster than importing every class).
     */
    @Test
    void noProductionClassCallsForASecretsValue() throws IOException {
        Path classes = Path.of(SecretsCollector.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("the production classes are scanned").anyMatch(f -> f.endsWith("SecretsCollector.class"));
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            // method names, and the request types of either overload (IAM action names such as
            // "secretsmanager:GetSecretValue" in the risk rules' lists are data, not calls)
            assertThat(bytes).as(f.toString()).doesNotContain("getSecretValue").doesNotContain("batchGetSecretValue")
                    .doesNotContain("model/GetSecretValue").doesNotContain("model/BatchGetSecretValue");
        }
    }
}
