package io.iamaudit.stage;

import java.time.Instant;
import java.util.Map;

/**
 * One Secrets Manager secret as ListSecrets describes it, with its resource policy (GetResourcePolicy). Never its
 * value: the audit does not call GetSecretValue and holds no permission to.
 *
 * @param rotationEnabled       {@code RotationEnabled}; {@code null} when AWS left it out
 * @param rotationIntervalDays  {@code RotationRules.AutomaticallyAfterDays}: AWS computes it from the schedule after
 *                              each successful rotation; {@code null} when rotation was never configured
 * @param rotationSchedule      {@code RotationRules.ScheduleExpression} ({@code rate(...)} or {@code cron(...)})
 * @param lastAccessedDate      {@code LastAccessedDate}: AWS keeps only the day (midnight UTC); absent when the secret
 *                              was never retrieved in its region
 * @param kmsKeyId              {@code KmsKeyId}; absent when the secret uses the AWS managed key aws/secretsmanager
 * @param primaryRegion         {@code PrimaryRegion}: set on a secret replicated to other regions (the replicas'
 *                              statuses are DescribeSecret's only, which the audit does not call)
 * @param resourcePolicy        the policy JSON, {@code null} when the secret has none (or it could not be read)
 * @param policyError           why the policy could not be read; {@code null} when it was read (with or without one)
 */
public record Secret(String region, String name, String arn, Boolean rotationEnabled, Long rotationIntervalDays,
                     String rotationSchedule, String rotationLambdaArn, Instant createdDate, Instant lastRotatedDate,
                     Instant lastChangedDate, Instant lastAccessedDate, Instant nextRotationDate, String kmsKeyId,
                     String primaryRegion, String owningService, Map<String, String> tags, String resourcePolicy,
                     String policyError) {

    public Secret {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether automatic rotation is switched on ({@code false} also when AWS did not say). */
    public boolean rotates() {
        return Boolean.TRUE.equals(rotationEnabled);
    }

    /**
     * Whether the secret is encrypted with the AWS managed key: no KmsKeyId (AWS's answer for the default key) or the
     * alias aws/secretsmanager named explicitly.
     */
    public boolean awsManagedKey() {
        return kmsKeyId == null || kmsKeyId.isBlank() || kmsKeyId.endsWith("alias/aws/secretsmanager");
    }

    public Secret withPolicy(String policy, String error) {
        return new Secret(region, name, arn, rotationEnabled, rotationIntervalDays, rotationSchedule,
                rotationLambdaArn, createdDate, lastRotatedDate, lastChangedDate, lastAccessedDate, nextRotationDate,
                kmsKeyId, primaryRegion, owningService, tags, policy, error);
    }
}
