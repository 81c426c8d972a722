package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.Protocol;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Security Hub's {@code BatchImportFindings} (REST-JSON, {@code POST /findings/import}): at most 100 findings
 * a call (more is an InvalidInputException, as AWS answers); each finding is checked for the fields AWS's finding
 * format requires, and that it belongs to the calling account under that account's default product (AWS accepts a
 * custom integration's findings only from the account they are about); a finding that fails is answered in
 * {@code FailedFindings} with a code and message, the others are accepted and kept for tests to read
 * ({@link #imported()}). moto_server's version checks only that Resources is a non-empty list (docs/exports.md).
 */
public final class SecurityHubHandler implements ServiceHandler {
    public static final int MAX_FINDINGS = 100;
    static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
            "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");

    /** One accepted finding, as received, with the account that sent it. */
    public record Imported(String callerAccountId, JsonNode finding) {
        public String id() {
            return finding.path("Id").asText();
        }

        public String recordState() {
            return finding.path("RecordState").asText("ACTIVE");
        }
    }

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/[^/]+/([^/]+)/securityhub/");

    private final List<Imported> imported = new ArrayList<>();

    /** Every finding accepted so far, in arrival order. */
    public synchronized List<Imported> imported() {
        return List.copyOf(imported);
    }

    @Override
    public String service() {
        return "securityhub";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public String operationOf(SandboxRequest request) {
        return "POST".equals(request.method()) && "/findings/import".equals(request.path()) ? "BatchImportFindings"
                : null;
    }

    @Override
    public boolean implemented(String operation) {
        return "BatchImportFindings".equals(operation);
    }

    @Override
    public SandboxResponse handle(String operation, SandboxRequest request) {
        ObjectNode input = Json.body(request.body(), new AwsException(400, "InvalidInputException",
                "The request body is not valid JSON"));
        JsonNode findings = input.get("Findings");
        if (findings == null || !findings.isArray()) {
            throw new AwsException(400, "InvalidInputException", "Findings is required");
        }
        if (findings.size() > MAX_FINDINGS) {
            throw new AwsException(400, "InvalidInputException", "Findings: at most " + MAX_FINDINGS
                    + " findings per request, " + findings.size() + " given");
        }
        String caller = request.caller().accountId();
        ArrayNode failed = Json.array();
        int success = 0;
        for (JsonNode finding : findings) {
            String problem = problem(finding, caller, signingRegion(request));
            if (problem == null) {
                synchronized (this) {
                    imported.add(new Imported(caller, finding));
                }
                success++;
            } else {
                ObjectNode f = failed.addObject();
                f.put("Id", finding.path("Id").asText(""));
                f.put("ErrorCode", problem.startsWith("AccessDenied") ? "AccessDeniedException" : "InvalidInput");
                f.put("ErrorMessage", problem);
            }
        }
        ObjectNode out = Json.object();
        out.put("FailedCount", failed.size());
        out.put("SuccessCount", success);
        out.set("FailedFindings", failed);
        return protocol().json(out);
    }

    /** Security Hub is regional: the product ARN must name the region the request is signed for. */
    private static String signingRegion(SandboxRequest request) {
        Matcher m = SCOPE.matcher(request.header("authorization") == null ? "" : request.header("authorization"));
        return m.find() ? m.group(1) : "us-east-1";
    }

    private static String problem(JsonNode f, String caller, String region) {
        for (String field : REQUIRED) {
            JsonNode v = f.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isArray() && v.isEmpty())) {
                return "Finding does not adhere to the AWS Security Finding Format: " + field + " is required";
            }
        }
        if (!f.path("Severity").has("Label") && !f.path("Severity").has("Normalized")) {
            return "Finding does not adhere to the AWS Security Finding Format: Severity needs Label or Normalized";
        }
        for (JsonNode resource : f.get("Resources")) {
            if (!resource.hasNonNull("Type") || !resource.hasNonNull("Id")) {
                return "Finding does not adhere to the AWS Security Finding Format: a resource needs Type and Id";
            }
        }
        String expected = "arn:aws:securityhub:" + region + ":" + caller + ":product/" + caller + "/default";
        if (!caller.equals(f.get("AwsAccountId").asText()) || !expected.equals(f.get("ProductArn").asText())) {
            return "AccessDenied: account " + caller + " may import only its own findings under " + expected;
        }
        return null;
    }

    @Override
    public AwsException throttling() {
        return new AwsException(429, "TooManyRequestsException", "Rate exceeded");
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "InternalException", "Internal server error");
    }
}
