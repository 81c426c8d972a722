package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.scenario.AnalyzerSpec;
import io.iamaudit.sandbox.scenario.FindingSpec;
import io.iamaudit.sandbox.scenario.UnusedServiceSpec;
import io.iamaudit.sandbox.state.Ids;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Access Analyzer analyzers and findings as JSON: analyzer summaries, v1 and v2 finding summaries, and the
 * {@code findingDetails} union of GetFindingV2. Timestamps are ISO-8601 strings, as the service's model says.
 */
final class AnalyzerFindings {

    /** A finding with its id, the analyzer it belongs to and (for unused keys) the key's id. */
    record Finding(String id, FindingSpec spec, AnalyzerSpec analyzer, String accessKeyId) {
    }

    private final Instant now;

    AnalyzerFindings(Instant now) {
        this.now = now;
    }

    static String arn(AnalyzerSpec a) {
        return "arn:aws:access-analyzer:us-east-1:" + a.account() + ":analyzer/" + a.name();
    }

    static String findingId(FindingSpec f, int index) {
        return f.id() != null ? f.id() : Ids.uuid(f.analyzer() + "|" + f.type() + "|" + f.resource() + "|" + index).toString();
    }

    ObjectNode analyzer(AnalyzerSpec a, List<Finding> findings) {
        ObjectNode o = Json.object().put("arn", arn(a)).put("name", a.name()).put("type", a.type())
                .put("createdAt", iso(a.createdDaysAgo()));
        findings.stream().map(f -> f.spec().resource()).reduce((x, y) -> y)
                .ifPresent(last -> o.put("lastResourceAnalyzed", last).put("lastResourceAnalyzedAt", iso(0)));
        o.putObject("tags");
        o.put("status", a.status());
        if (a.unusedAccessAge() != null) {
            ObjectNode unused = o.putObject("configuration").putObject("unusedAccess")
                    .put("unusedAccessAge", a.unusedAccessAge());
            if (!a.excludedAccounts().isEmpty()) {
                ArrayNode ids = unused.putObject("analysisRule").putArray("exclusions").addObject().putArray("accountIds");
                a.excludedAccounts().forEach(ids::add);
            }
        }
        return o;
    }

    ObjectNode summaryV2(Finding f) {
        return common(f).put("findingType", f.spec().type());
    }

    /** The v1 summary (external access only): principal, action, isPublic, condition, sources. */
    ObjectNode summaryV1(Finding f) {
        ObjectNode o = common(f);
        externalAccess(o, f.spec());
        return o;
    }

    /** GetFindingV2's {@code findingDetails}, one element per union member (one per service for UnusedPermission). */
    List<ObjectNode> details(Finding finding) {
        FindingSpec f = finding.spec();
        List<ObjectNode> out = new ArrayList<>();
        switch (f.type()) {
            case "ExternalAccess" -> {
                ObjectNode d = Json.object();
                externalAccess(d, f);
                d.remove("isPublic");
                d.put("isPublic", f.publicAccess());
                out.add(Json.object().set("externalAccessDetails", d));
            }
            case "UnusedPermission" -> {
                for (UnusedServiceSpec s : f.services()) {
                    ObjectNode d = Json.object().put("serviceNamespace", s.namespace());
                    putAge(d, "lastAccessed", s.lastAccessedDaysAgo());
                    if (!s.actions().isEmpty()) {
                        ArrayNode actions = d.putArray("actions");
                        s.actions().forEach((action, days) -> {
                            ObjectNode a = actions.addObject().put("action",
                                    action.contains(":") ? action : s.namespace() + ":" + action);
                            putAge(a, "lastAccessed", days);
                        });
                    }
                    out.add(Json.object().set("unusedPermissionDetails", d));
                }
            }
            case "UnusedIAMRole" -> out.add(Json.object().set("unusedIamRoleDetails", age(f)));
            case "UnusedIAMUserAccessKey" -> out.add(Json.object().set("unusedIamUserAccessKeyDetails",
                    age(f).put("accessKeyId", finding.accessKeyId())));
            case "UnusedIAMUserPassword" -> out.add(Json.object().set("unusedIamUserPasswordDetails", age(f)));
            default -> throw new IllegalStateException("unknown finding type " + f.type());
        }
        return out;
    }

    /** The members both summaries and GetFindingV2 share. */
    ObjectNode common(Finding f) {
        FindingSpec s = f.spec();
        return Json.object().put("id", f.id()).put("resource", s.resource()).put("resourceType", resourceType(s))
                .put("resourceOwnerAccount", s.account()).put("status", s.status())
                .put("createdAt", iso(s.createdDaysAgo())).put("analyzedAt", iso(s.updatedDaysAgo()))
                .put("updatedAt", iso(s.updatedDaysAgo()));
    }

    static String resourceType(FindingSpec f) {
        if (f.resourceType() != null) {
            return f.resourceType();
        }
        String r = f.resource();
        if (r.startsWith("arn:aws:s3:::")) {
            return "AWS::S3::Bucket";
        }
        if (r.contains(":user/")) {
            return "AWS::IAM::User";
        }
        if (r.contains(":role/")) {
            return "AWS::IAM::Role";
        }
        String service = r.split(":").length > 2 ? r.split(":")[2] : "";
        return switch (service) {
            case "kms" -> "AWS::KMS::Key";
            case "sqs" -> "AWS::SQS::Queue";
            case "sns" -> "AWS::SNS::Topic";
            case "lambda" -> "AWS::Lambda::Function";
            case "secretsmanager" -> "AWS::SecretsManager::Secret";
            case "ecr" -> "AWS::ECR::Repository";
            default -> "AWS::S3::Bucket";
        };
    }

    private void externalAccess(ObjectNode o, FindingSpec f) {
        ArrayNode actions = o.putArray("action");
        f.actions().forEach(actions::add);
        o.set("principal", Json.map(f.principal()));
        o.put("isPublic", f.publicAccess());
        o.set("condition", Json.map(f.condition()));
        o.putArray("sources").addObject().put("type", "POLICY");
        o.put("resourceControlPolicyRestriction", "NOT_APPLICABLE");
    }

    private ObjectNode age(FindingSpec f) {
        ObjectNode d = Json.object();
        putAge(d, "lastAccessed", f.lastAccessedDaysAgo());
        return d;
    }

    private void putAge(ObjectNode o, String field, Integer days) {
        if (days != null) {
            o.put(field, iso(days));
        }
    }

    private String iso(Integer days) {
        return Timestamps.iso(now.minus(Duration.ofDays(days)));
    }
}
