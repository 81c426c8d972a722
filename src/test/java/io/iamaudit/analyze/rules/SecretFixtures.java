package io.iamaudit.analyze.rules;

import io.iamaudit.stage.Secret;
import io.iamaudit.stage.SecretsInventory.RegionSecrets;
import io.iamaudit.stage.SecretsInventory.RegionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.SnapshotFixtures.ACCOUNT;
import static io.iamaudit.analyze.SnapshotFixtures.daysAgo;

/** Secrets for the secret rules' tests: a well-kept one, changed one field at a time. */
final class SecretFixtures {
    static final String REGION = "eu-west-1";

    private SecretFixtures() {
    }

    /** Rotates every 30 days, rotated 10 days ago, read yesterday, on a customer managed key, no policy. */
    static Secret kept(String name) {
        return new Secret(REGION, name, "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + name + "-AbCdEf",
                true, 30L, "rate(30 days)", "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:rotate",
                daysAgo(400), daysAgo(10), daysAgo(10), daysAgo(1), daysAgo(-20),
                "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab", null, null,
                Map.of(), null, null);
    }

    static Secret rotation(Secret s, Boolean enabled, Long intervalDays, Instant lastRotated) {
        return new Secret(s.region(), s.name(), s.arn(), enabled, intervalDays, s.rotationSchedule(),
                s.rotationLambdaArn(), s.createdDate(), lastRotated, s.lastChangedDate(), s.lastAccessedDate(),
                s.nextRotationDate(), s.kmsKeyId(), s.primaryRegion(), s.owningService(), s.tags(), s.resourcePolicy(),
                s.policyError());
    }

    static Secret accessed(Secret s, Instant lastAccessed, Instant created) {
        return new Secret(s.region(), s.name(), s.arn(), s.rotationEnabled(), s.rotationIntervalDays(),
                s.rotationSchedule(), s.rotationLambdaArn(), created, s.lastRotatedDate(), s.lastChangedDate(),
                lastAccessed, s.nextRotationDate(), s.kmsKeyId(), s.primaryRegion(), s.owningService(), s.tags(),
                s.resourcePolicy(), s.policyError());
    }

    static Secret key(Secret s, String kmsKeyId) {
        return new Secret(s.region(), s.name(), s.arn(), s.rotationEnabled(), s.rotationIntervalDays(),
                s.rotationSchedule(), s.rotationLambdaArn(), s.createdDate(), s.lastRotatedDate(), s.lastChangedDate(),
                s.lastAccessedDate(), s.nextRotationDate(), kmsKeyId, s.primaryRegion(), s.owningService(), s.tags(),
                s.resourcePolicy(), s.policyError());
    }

    static RegionSecrets read(Secret... secrets) {
        return RegionSecrets.read(REGION, List.of(secrets));
    }

    static RegionSecrets denied(String region) {
        return new RegionSecrets(region, RegionStatus.DENIED, "AccessDeniedException: not authorized (HTTP 400)",
                List.of());
    }

    static RegionSecrets notEnabled(String region) {
        return new RegionSecrets(region, RegionStatus.NOT_ENABLED, "DISABLED", List.of());
    }
}
