package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.handler.AnalyzerFindings.Finding;
import io.iamaudit.sandbox.scenario.AnalyzerSpec;
import io.iamaudit.sandbox.scenario.FindingSpec;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.Pages;
import io.iamaudit.sandbox.wire.Protocol;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM Access Analyzer (REST-JSON): analyzers live in their account (organization analyzers in the delegated
 * administrator) and only that account sees them and their findings; findings filter on any summary field with
 * eq / neq / contains / exists and page by nextToken.
 */
public final class AccessAnalyzerHandler implements ServiceHandler {

    private static final Pattern GET_ANALYZER = Pattern.compile("/analyzer/([^/]+)");
    private static final Pattern GET_FINDING_V2 = Pattern.compile("/findingv2/([^/]+)");
    private static final Pattern GET_FINDING = Pattern.compile("/finding/([^/]+)");
    private static final Pattern RECOMMENDATION = Pattern.compile("/recommendation/([^/]+)");
    private static final Set<String> TYPES = Set.of("ACCOUNT", "ORGANIZATION", "ACCOUNT_UNUSED_ACCESS",
            "ORGANIZATION_UNUSED_ACCESS", "ACCOUNT_INTERNAL_ACCESS", "ORGANIZATION_INTERNAL_ACCESS");

    private final List<AnalyzerSpec> analyzers;
    private final List<Finding> findings = new ArrayList<>();
    private final AnalyzerFindings json;
    private final PolicyValidation validation;
    private final NoNewAccessCheck noNewAccess;
    private final FindingRecommendations recommendations;

    public AccessAnalyzerHandler(SandboxContext ctx) {
        this.analyzers = ctx.org().scenario().analyzers();
        this.json = new AnalyzerFindings(ctx.org().now());
        this.validation = new PolicyValidation(ctx.catalog());
        this.noNewAccess = new NoNewAccessCheck(ctx.catalog());
        this.recommendations = new FindingRecommendations(ctx);
        List<FindingSpec> specs = ctx.org().scenario().findings();
        for (int i = 0; i < specs.size(); i++) {
            FindingSpec f = specs.get(i);
            AnalyzerSpec a = analyzers.stream().filter(x -> x.name().equals(f.analyzer())).findFirst().orElseThrow();
            findings.add(new Finding(AnalyzerFindings.findingId(f, i), f, a, accessKeyId(ctx, f)));
        }
    }

    /** The key an unused-key finding is about: as written, or else the user's key by its number. */
    private static String accessKeyId(SandboxContext ctx, FindingSpec f) {
        if (!"UnusedIAMUserAccessKey".equals(f.type()) || f.accessKeyId() != null) {
            return f.accessKeyId();
        }
        return ctx.org().directory(f.account()).users().stream().filter(u -> u.arn().equals(f.resource()))
                .filter(u -> u.accessKeys().size() >= f.accessKeyIndex())
                .map(u -> u.accessKeys().get(f.accessKeyIndex() - 1).id()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("finding on " + f.resource()
                        + ": no such user with access key " + f.accessKeyIndex()));
    }

    @Override
    public String service() {
        return "access-analyzer";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public String operationOf(SandboxRequest r) {
        String p = r.path();
        return switch (r.method()) {
            case "GET" -> p.equals("/analyzer") ? "ListAnalyzers" : GET_ANALYZER.matcher(p).matches() ? "GetAnalyzer"
                    : GET_FINDING_V2.matcher(p).matches() ? "GetFindingV2"
                    : GET_FINDING.matcher(p).matches() ? "GetFinding"
                    : RECOMMENDATION.matcher(p).matches() ? "GetFindingRecommendation" : null;
            case "POST" -> p.equals("/findingv2") ? "ListFindingsV2" : p.equals("/finding") ? "ListFindings"
                    : p.equals("/policy/validation") ? "ValidatePolicy"
                    : p.equals("/policy/check-no-new-access") ? "CheckNoNewAccess"
                    : RECOMMENDATION.matcher(p).matches() ? "GenerateFindingRecommendation" : null;
            default -> null;
        };
    }

    @Override
    public boolean implemented(String operation) {
        return operation != null;
    }

    @Override
    public SandboxResponse handle(String operation, SandboxRequest r) {
        String account = r.caller().accountId();
        ObjectNode out = switch (operation) {
            case "ListAnalyzers" -> listAnalyzers(r, account);
            case "GetAnalyzer" -> Json.object().set("analyzer", json.analyzer(analyzerByName(r, account),
                    findingsOf(analyzerByName(r, account))));
            case "ListFindingsV2" -> listFindings(r, account, true);
            case "ListFindings" -> listFindings(r, account, false);
            case "GetFindingV2" -> getFindingV2(r, account);
            case "GetFinding" -> Json.object().set("finding", json.summaryV1(finding(r, account, GET_FINDING, false)));
            case "ValidatePolicy" -> validatePolicy(r);
            case "CheckNoNewAccess" -> checkNoNewAccess(r);
            case "GenerateFindingRecommendation" -> generateRecommendation(r, account);
            case "GetFindingRecommendation" -> getRecommendation(r, account);
            default -> throw unknownOperation(operation);
        };
        return protocol().json(out);
    }

    @Override
    public AwsException throttling() {
        return new AwsException(429, "ThrottlingException", "Rate exceeded").header("Retry-After", "1");
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "InternalServerException", "Internal server error").header("Retry-After", "1");
    }

    private ObjectNode listAnalyzers(SandboxRequest r, String account) {
        String type = r.query().get("type");
        if (type != null && !TYPES.contains(type)) {
            throw validation("Invalid type " + type);
        }
        List<AnalyzerSpec> mine = analyzers.stream().filter(a -> a.account().equals(account))
                .filter(a -> type == null || a.type().equals(type)).toList();
        return page(r.query().get("nextToken"), intOr(r.query().get("maxResults")), "aa:analyzers:" + type,
                "analyzers", mine, a -> json.analyzer(a, findingsOf(a)));
    }

    private ObjectNode listFindings(SandboxRequest r, String account, boolean v2) {
        ObjectNode in = Json.body(r.body(), validation("Invalid request body"));
        AnalyzerSpec a = analyzerByArn(Json.text(in, "analyzerArn"), account);
        if (!v2 && !a.externalAccess()) {
            throw validation("ListFindings is supported only for external access analyzers. You must use "
                    + "ListFindingsV2 for internal and unused access analyzers.");
        }
        JsonNode filter = in.get("filter");
        List<Finding> matching = findingsOf(a).stream().filter(f -> FindingFilter.matches(f, filter)).toList();
        Integer max = in.hasNonNull("maxResults") ? in.get("maxResults").asInt() : null;
        return page(Json.text(in, "nextToken"), max, "aa:findings:" + v2 + a.name() + filter, "findings", matching,
                v2 ? json::summaryV2 : json::summaryV1);
    }

    private ObjectNode getFindingV2(SandboxRequest r, String account) {
        Finding f = finding(r, account, GET_FINDING_V2, true);
        ObjectNode out = json.summaryV2(f);
        List<ObjectNode> details = json.details(f);
        Pages.Page<ObjectNode> page = Pages.page(details, "aa:details:" + f.id(), r.query().get("nextToken"),
                intOr(r.query().get("maxResults")) == null ? 100 : intOr(r.query().get("maxResults")), this::badToken);
        ArrayNode list = out.putArray("findingDetails");
        page.items().forEach(list::add);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    /** Stateless: any caller, the identity-policy checks of {@link PolicyValidation}; one page holds every finding. */
    private ObjectNode validatePolicy(SandboxRequest r) {
        ObjectNode in = Json.body(r.body(), validation("Invalid request body"));
        String document = requiredText(in, "policyDocument");
        String type = requiredText(in, "policyType");
        if (!Set.of("IDENTITY_POLICY", "RESOURCE_POLICY", "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY")
                .contains(type)) {
            throw validation("Invalid policyType " + type);
        }
        if (!"IDENTITY_POLICY".equals(type)) {
            throw new AwsException(400, "ValidationException", "The sandbox validates IDENTITY_POLICY only")
                    .field("reason", "other");
        }
        ObjectNode out = Json.object();
        out.set("findings", PolicyValidation.toJson(validation.validate(document), document));
        return out;
    }

    private ObjectNode checkNoNewAccess(SandboxRequest r) {
        ObjectNode in = Json.body(r.body(), validation("Invalid request body"));
        String proposed = requiredText(in, "newPolicyDocument");
        String existing = requiredText(in, "existingPolicyDocument");
        String type = requiredText(in, "policyType");
        if (!"IDENTITY_POLICY".equals(type) && !"RESOURCE_POLICY".equals(type)) {
            throw validation("Invalid policyType " + type);
        }
        if (!"IDENTITY_POLICY".equals(type)) {
            throw validation("The sandbox checks IDENTITY_POLICY only");
        }
        NoNewAccessCheck.Result result;
        try {
            result = noNewAccess.check(proposed, existing);
        } catch (IllegalArgumentException e) {
            throw validation("Invalid policy document: " + e.getMessage());
        }
        ObjectNode out = Json.object().put("result", result.pass() ? "PASS" : "FAIL")
                .put("message", result.pass()
                        ? "The modified permissions grant no new access compared to your existing policy."
                        : "The modified permissions grant new access compared to your existing policy.");
        ArrayNode reasons = out.putArray("reasons");
        for (NoNewAccessCheck.Reason reason : result.reasons()) {
            ObjectNode o = reasons.addObject().put("description", reason.description())
                    .put("statementIndex", reason.statementIndex());
            if (reason.statementId() != null) {
                o.put("statementId", reason.statementId());
            }
        }
        return out;
    }

    private ObjectNode generateRecommendation(SandboxRequest r, String account) {
        Finding f = recommendationFinding(r, account);
        if (!"UnusedPermission".equals(f.spec().type())) {
            throw validation("Recommendations are only available for UnusedPermission findings");
        }
        recommendations.generate(f);
        return Json.object();
    }

    private ObjectNode getRecommendation(SandboxRequest r, String account) {
        Finding f = recommendationFinding(r, account);
        ObjectNode out = recommendations.get(f);
        if (out == null) {
            throw notFound("Recommendation", f.id());
        }
        return out;
    }

    private Finding recommendationFinding(SandboxRequest r, String account) {
        Matcher m = RECOMMENDATION.matcher(r.path());
        m.matches();
        String id = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        AnalyzerSpec a = analyzerByArn(r.query().get("analyzerArn"), account);
        return findingsOf(a).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> notFound("Finding", id));
    }

    private static String requiredText(ObjectNode in, String name) {
        String value = Json.text(in, name);
        if (value == null) {
            throw validation(name + " is required");
        }
        return value;
    }

    private Finding finding(SandboxRequest r, String account, Pattern route, boolean v2) {
        Matcher m = route.matcher(r.path());
        m.matches();
        String id = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        AnalyzerSpec a = analyzerByArn(r.query().get("analyzerArn"), account);
        if (!v2 && !a.externalAccess()) {
            throw validation("GetFinding is supported only for external access analyzers. You must use "
                    + "GetFindingV2 for internal and unused access analyzers.");
        }
        return findingsOf(a).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> notFound("Finding", id));
    }

    private List<Finding> findingsOf(AnalyzerSpec a) {
        return findings.stream().filter(f -> f.analyzer() == a).toList();
    }

    private <T> ObjectNode page(String token, Integer max, String scope, String listName, List<T> all,
                                Function<T, ObjectNode> item) {
        int limit = max == null ? 100 : max;
        if (limit < 1 || limit > 1000) {
            throw validation("maxResults must be between 1 and 1000");
        }
        return Pages.page(all, scope, token, limit, this::badToken).json(listName, "nextToken", item);
    }

    private AnalyzerSpec analyzerByName(SandboxRequest r, String account) {
        Matcher m = GET_ANALYZER.matcher(r.path());
        m.matches();
        String name = m.group(1);
        return analyzers.stream().filter(a -> a.account().equals(account) && a.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound("Analyzer", name));
    }

    private AnalyzerSpec analyzerByArn(String arn, String account) {
        if (arn == null) {
            throw validation("analyzerArn is required");
        }
        return analyzers.stream().filter(a -> a.account().equals(account) && AnalyzerFindings.arn(a).equals(arn))
                .findFirst().orElseThrow(() -> notFound("Analyzer", arn));
    }

    private static Integer intOr(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw validation("Invalid number " + s);
        }
    }

    private AwsException badToken() {
        return validation("Invalid pagination token");
    }

    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message).field("reason", "other");
    }

    private static AwsException notFound(String type, String id) {
        return new AwsException(404, "ResourceNotFoundException", type + " not found: " + id)
                .field("resourceId", id).field("resourceType", type);
    }
}
