package io.iamaudit.collect;

import io.iamaudit.stage.Secret;
import io.iamaudit.stage.SecretsInventory;
import io.iamaudit.stage.SecretsInventory.RegionSecrets;
import io.iamaudit.stage.SecretsInventory.RegionStatus;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An account's Secrets Manager secrets in every region it has enabled: ListSecrets (all pages), then GetResourcePolicy
 * per secret. ListSecrets already returns what the rules read (rotation, its rules, last rotated, changed and
 * accessed dates, KMS key, tags, primary region); DescribeSecret adds only the replicas' statuses and is not called.
 * GetSecretValue is never called: the audit reads about secrets, never a secret.
 *
 * <p>Each region stands alone: a region AWS refuses the account's credentials in (an opt-in region not enabled) is
 * marked not enabled, a denied or failing one is marked with AWS's error, and the other regions are still read.
 */
public final class SecretsCollector {

    /** Secrets Manager's answer in an opt-in region the account has not enabled. */
    private static final Set<String> NOT_ENABLED_CODES = Set.of("UnrecognizedClientException",
            "InvalidClientTokenId", "AuthFailure", "OptInRequired");
    private static final Set<String> DENIED_CODES = Set.of("AccessDeniedException", "AccessDenied");
    /**
     * Secrets Manager's documented quota for GetResourcePolicy (with Delete/Put/ValidateResourcePolicy) is 50 per
     * second per account and region, and ListSecrets' is higher: 40 per second keeps one account's reads in one
     * region below both, whatever else runs there.
     */
    static final double CALLS_PER_SECOND = 40;
    static final int PAGE_SIZE = 100;

    private final AccountRegions regions;
    private final AccountClient account;
    private final BiFunction<Region, RequestPacer, SecretsManagerClient> clients;

    /** @param clients opens a client for a region (the caller's session), closed here after the region is read */
    public SecretsCollector(AccountRegions regions, AccountClient account,
                            BiFunction<Region, RequestPacer, SecretsManagerClient> clients) {
        this.regions = regions;
        this.account = account;
        this.clients = clients;
    }

    /** @throws RuntimeException when the regions themselves cannot be listed (ListRegions denied, and none configured) */
    public SecretsInventory collect() {
        List<RegionSecrets> out = new ArrayList<>();
        for (AccountRegions.AccountRegion region : regions.regions(account)) {
            if (!region.enabled()) {
                out.add(new RegionSecrets(region.name(), RegionStatus.NOT_ENABLED, region.optStatus(), List.of()));
            } else {
                out.add(read(region.name()));
            }
        }
        return new SecretsInventory(out);
    }

    RegionSecrets read(String region) {
        try (SecretsManagerClient sm = clients.apply(Region.of(region), new RequestPacer(CALLS_PER_SECOND, 10))) {
            List<Secret> secrets = new ArrayList<>();
            for (var page : sm.listSecretsPaginator(ListSecretsRequest.builder().maxResults(PAGE_SIZE).build())) {
                for (SecretListEntry e : page.secretList()) {
                    secrets.add(withPolicy(sm, secret(region, e)));
                }
            }
            return RegionSecrets.read(region, secrets);
        } catch (RuntimeException e) {
            String code = AwsErrors.code(e);
            RegionStatus status = NOT_ENABLED_CODES.contains(code) ? RegionStatus.NOT_ENABLED
                    : DENIED_CODES.contains(code) ? RegionStatus.DENIED : RegionStatus.FAILED;
            return new RegionSecrets(region, status, AwsErrors.describe(e), List.of());
        }
    }

    /** A secret whose policy cannot be read keeps the error: its exposure is unknown, not "no policy". */
    private static Secret withPolicy(SecretsManagerClient sm, Secret secret) {
        try {
            GetResourcePolicyResponse policy = sm.getResourcePolicy(b -> b.secretId(secret.arn()));
            return secret.withPolicy(policy.resourcePolicy(), null);
        } catch (AwsServiceException e) {
            return secret.withPolicy(null, AwsErrors.describe(e));
        }
    }

    static Secret secret(String region, SecretListEntry e) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (e.hasTags()) {
            for (Tag t : e.tags()) {
                tags.put(t.key(), t.value());
            }
        }
        var rules = e.rotationRules();
        return new Secret(region, e.name(), e.arn(), e.rotationEnabled(),
                rules == null ? null : rules.automaticallyAfterDays(),
                rules == null ? null : rules.scheduleExpression(), e.rotationLambdaARN(), e.createdDate(),
                e.lastRotatedDate(), e.lastChangedDate(), e.lastAccessedDate(), e.nextRotationDate(), e.kmsKeyId(),
                e.primaryRegion(), e.owningService(), tags, null, null);
    }
}
