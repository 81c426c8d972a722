package io.iamaudit.report;

import io.iamaudit.stage.Secret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretColumnsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-28T12:00:00Z");
    private static final String ORG_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},
             "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
    private static final String PUBLIC_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
             "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

    private static Secret secret(String kmsKeyId, String policy, String policyError) {
        return new Secret("eu-west-1", "prod/db", "arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-AbCdEf",
                true, 30L, "rate(30 days)", null, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-11-18T09:00:00Z"), Instant.parse("2026-11-18T09:00:00Z"),
                Instant.parse("2026-11-27T00:00:00Z"), null, kmsKeyId, null, null, Map.of("team", "orders"), policy,
                policyError);
    }

    private static Object value(String key, Secret s) {
        return SecretColumns.extractors().get(key).apply(new SecretRow("111111111111", "prod", s, AS_OF,
                Set.of("111111111111", "222222222222")));
    }

    @Test
    void agesAreCalendarDaysToTheReadAndTheKeyKindIsNamed() {
        Secret s = secret(null, null, null);
        assertThat(value("days_since_rotated", s)).isEqualTo(10L);
        assertThat(value("days_since_accessed", s)).isEqualTo(1L);
        assertThat(value("rotation_enabled", s)).isEqualTo("Yes");
        assertThat(value("kms_key_kind", s)).isEqualTo("AWS managed");
        assertThat(value("kms_key_kind", secret("alias/prod-secrets", null, null))).isEqualTo("Customer managed");
    }

    @Test
    void policyExposureSaysWhoCanRead() {
        assertThat(value("policy_exposure", secret(null, null, null))).isEqualTo("No resource policy");
        assertThat(value("policy_exposure", secret(null, ORG_POLICY, null))).isEqualTo("Within the organization");
        assertThat((String) value("policy_exposure", secret(null, PUBLIC_POLICY, null))).contains("anyone");
        assertThat((String) value("policy_exposure", secret(null, null, "AccessDeniedException: no")))
                .startsWith("Not read");
    }

    @Test
    void noColumnCouldCarryASecretsValue() {
        assertThat(SecretColumns.extractors().keySet()).noneMatch(k -> k.contains("value"));
    }
}
