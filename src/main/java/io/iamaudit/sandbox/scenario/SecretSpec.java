package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A Secrets Manager secret (its metadata only: the sandbox holds no value and serves no GetSecretValue). Ages are in
 * days before the scenario's "now"; absent means never (never rotated, never accessed).
 *
 * @param region          default us-east-1; must be one of the account's enabled regions
 * @param rotationDays    AutomaticallyAfterDays of the rotation rules; absent: rotation never configured
 * @param kmsKeyId        absent: the AWS managed key (ListSecrets then leaves KmsKeyId out, as AWS does)
 * @param policy          resource policy (YAML map or JSON string); absent: none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretSpec(String name, String region, Boolean rotationEnabled, Integer rotationDays,
                         Integer createdDaysAgo, Integer lastRotatedDaysAgo, Integer lastChangedDaysAgo,
                         Integer lastAccessedDaysAgo, String kmsKeyId, JsonNode policy, Map<String, String> tags) {

    public SecretSpec {
        region = region == null ? "us-east-1" : region;
        rotationEnabled = rotationEnabled != null && rotationEnabled;
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
