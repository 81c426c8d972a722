package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.PolicyText;
import io.iamaudit.sandbox.scenario.SecretSpec;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;
import io.iamaudit.sandbox.wire.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Secrets Manager (JSON 1.1, target prefix {@code secretsmanager}), metadata only: ListSecrets and
 * GetResourcePolicy over the scenario's secrets, in the region the request is signed for. There is no GetSecretValue:
 * the sandbox holds no values. In a region the account has not enabled it answers as AWS does for an opt-in region,
 * UnrecognizedClientException. Timestamps are epoch seconds; LastAccessedDate is truncated to midnight UTC, as AWS
 * keeps it; KmsKeyId is left out for the AWS managed key.
 */
public final class SecretsManagerHandler extends JsonHandler {

    private static final Pattern REGION = Pattern.compile("Credential=[^/]+/[^/]+/([^/]+)/");
    private static final int MAX_RESULTS = 100;

    private final OrganizationState org;

    public SecretsManagerHandler(SandboxContext ctx) {
        super("secretsmanager");
        this.org = ctx.org();
        operation("ListSecrets", this::listSecrets);
        operation("GetResourcePolicy", this::getResourcePolicy);
    }

    @Override
    public String service() {
        return "secretsmanager";
    }

    @Override
    public SandboxResponse handle(String operation, SandboxRequest request) {
        AccountSpec account = org.account(request.caller().accountId()).spec();
        if (!account.regions().contains(region(request))) {
            throw new AwsException(400, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        return super.handle(operation, request);
    }

    private ObjectNode listSecrets(SandboxRequest r, ObjectNode in) {
        AccountSpec account = org.account(r.caller().accountId()).spec();
        String region = region(r);
        List<SecretSpec> here = account.secrets().stream().filter(s -> s.region().equals(region)).toList();
        return paged(in, "secrets:" + account.id() + ":" + region, "SecretList", here, MAX_RESULTS,
                s -> entry(account.id(), s), new AwsException(400, "InvalidNextTokenException",
                        "The NextToken value is invalid."));
    }

    private ObjectNode getResourcePolicy(SandboxRequest r, ObjectNode in) {
        AccountSpec account = org.account(r.caller().accountId()).spec();
        String region = region(r);
        String id = Json.text(in, "SecretId");
        SecretSpec secret = account.secrets().stream().filter(s -> s.region().equals(region))
                .filter(s -> s.name().equals(id) || arn(account.id(), s).equals(id)).findFirst()
                .orElseThrow(() -> new AwsException(400, "ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."));
        ObjectNode out = Json.object().put("ARN", arn(account.id(), secret)).put("Name", secret.name());
        if (secret.policy() != null) {
            out.put("ResourcePolicy", PolicyText.of(secret.policy()));
        }
        return out;
    }

    private ObjectNode entry(String accountId, SecretSpec s) {
        ObjectNode e = Json.object().put("ARN", arn(accountId, s)).put("Name", s.name());
        if (s.kmsKeyId() != null) {
            e.put("KmsKeyId", s.kmsKeyId());
        }
        e.put("RotationEnabled", s.rotationEnabled());
        if (s.rotationDays() != null) {
            e.put("RotationLambdaARN", "arn:aws:lambda:" + s.region() + ":" + accountId + ":function:rotate-"
                    + s.name().replace('/', '-'));
            e.putObject("RotationRules").put("AutomaticallyAfterDays", s.rotationDays())
                    .put("ScheduleExpression", "rate(" + s.rotationDays() + " days)");
        }
        Instant created = daysAgo(s.createdDaysAgo());
        e.put("CreatedDate", Timestamps.epoch(created));
        if (s.lastRotatedDaysAgo() != null) {
            e.put("LastRotatedDate", Timestamps.epoch(daysAgo(s.lastRotatedDaysAgo())));
        }
        e.put("LastChangedDate", Timestamps.epoch(s.lastChangedDaysAgo() != null ? daysAgo(s.lastChangedDaysAgo())
                : s.lastRotatedDaysAgo() != null ? daysAgo(s.lastRotatedDaysAgo()) : created));
        if (s.lastAccessedDaysAgo() != null) {
            Instant day = LocalDate.ofInstant(daysAgo(s.lastAccessedDaysAgo()), ZoneOffset.UTC)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            e.put("LastAccessedDate", Timestamps.epoch(day));
        }
        if (s.rotationEnabled() && s.rotationDays() != null) {
            Instant last = s.lastRotatedDaysAgo() != null ? daysAgo(s.lastRotatedDaysAgo()) : created;
            e.put("NextRotationDate", Timestamps.epoch(last.plus(Duration.ofDays(s.rotationDays()))));
        }
        ArrayNode tags = e.putArray("Tags");
        s.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        ObjectNode versions = e.putObject("SecretVersionsToStages");
        versions.putArray(java.util.UUID.nameUUIDFromBytes(arn(accountId, s).getBytes()).toString()).add("AWSCURRENT");
        return e;
    }

    private Instant daysAgo(int days) {
        return org.now().minus(Duration.ofDays(days));
    }

    /** AWS appends six random characters to a secret's ARN; the sandbox derives them from the name. */
    static String arn(String accountId, SecretSpec s) {
        String suffix = Integer.toHexString((s.region() + "/" + s.name()).hashCode() | 0x100000).substring(0, 6);
        return "arn:aws:secretsmanager:" + s.region() + ":" + accountId + ":secret:" + s.name() + "-" + suffix;
    }

    static String region(SandboxRequest r) {
        String auth = r.header("authorization");
        Matcher m = REGION.matcher(auth == null ? "" : auth);
        return m.find() ? m.group(1) : "us-east-1";
    }

    @Override
    public AwsException throttling() {
        return new AwsException(400, "ThrottlingException", "Rate exceeded");
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "InternalServiceError", "An error occurred on the server side.");
    }

    @Override
    AwsException invalidInput(String reason, String message) {
        return new AwsException(400, "InvalidParameterException", message);
    }
}
