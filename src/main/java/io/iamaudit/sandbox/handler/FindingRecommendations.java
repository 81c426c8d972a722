package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.sandbox.handler.AnalyzerFindings.Finding;
import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.state.LastAccessedCalculator;
import io.iamaudit.sandbox.state.LastAccessedCalculator.ServiceLine;
import io.iamaudit.sandbox.state.PrincipalPolicies;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GenerateFindingRecommendation / GetFindingRecommendation for UnusedPermission findings. The recommendation is
 * derived from the sandbox's own last-accessed state, over the finding's analyzer's unused-access age: for each policy
 * attached to the user or role (inline by name, managed by ARN), a service not used in the window is dropped, a
 * tracked service keeps only the actions used in the window (and those last-accessed cannot see), a used untracked
 * service keeps its patterns as written. A policy left empty is to be detached (DETACH_POLICY), a changed one replaced
 * (CREATE_POLICY with the recommended document); an unchanged one gets no step. Like AWS the job is asynchronous: the
 * first Get after a Generate answers IN_PROGRESS, later ones SUCCEEDED.
 */
final class FindingRecommendations {

    private record Job(Instant startedAt, int polls) {
    }

    private final SandboxContext ctx;
    private final LastAccessedCalculator calculator;
    private final ActionCatalog catalog;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    FindingRecommendations(SandboxContext ctx) {
        this.ctx = ctx;
        this.catalog = ctx.catalog();
        this.calculator = new LastAccessedCalculator(ctx.catalog());
    }

    void generate(Finding f) {
        jobs.put(f.id(), new Job(ctx.org().now(), 0));
    }

    /** {@code null} when no recommendation was generated for the finding. */
    ObjectNode get(Finding f) {
        Job job = jobs.computeIfPresent(f.id(), (id, j) -> new Job(j.startedAt(), j.polls() + 1));
        if (job == null) {
            return null;
        }
        ObjectNode out = Json.object().put("startedAt", Timestamps.iso(job.startedAt()))
                .put("resourceArn", f.spec().resource())
                .put("recommendationType", "UnusedPermissionRecommendation");
        if (job.polls() == 1) {
            return out.put("status", "IN_PROGRESS");
        }
        out.put("status", "SUCCEEDED").put("completedAt", Timestamps.iso(job.startedAt().plusSeconds(1)));
        ArrayNode steps = out.putArray("recommendedSteps");
        for (ObjectNode step : steps(f)) {
            steps.addObject().set("unusedPermissionsRecommendedStep", step);
        }
        return out;
    }

    private List<ObjectNode> steps(Finding f) {
        IamDirectory dir = ctx.org().directory(f.spec().account());
        String arn = f.spec().resource();
        int age = f.analyzer().unusedAccessAge() == null ? 90 : f.analyzer().unusedAccessAge();
        Instant windowStart = dir.now().minus(Duration.ofDays(age));
        List<PrincipalPolicies.UsageEntity> entities = new PrincipalPolicies(dir).usageEntities(arn);
        List<ObjectNode> steps = new ArrayList<>();
        policies(dir, arn).forEach((id, doc) -> {
            List<ServiceLine> lines = calculator.compute(List.of(doc), entities, true, dir);
            JsonNode recommended = recommend(doc, lines, windowStart);
            if (recommended == null) {
                steps.add(Json.object().put("recommendedAction", "DETACH_POLICY").put("existingPolicyId", id));
            } else if (!recommended.equals(read(doc))) {
                steps.add(Json.object().put("recommendedAction", "CREATE_POLICY").put("existingPolicyId", id)
                        .put("recommendedPolicy", recommended.toString())
                        .put("policyUpdatedAt", Timestamps.iso(dir.now())));
            }
        });
        return steps;
    }

    /**
     * The policies that apply to the principal: its inline ones by name, managed ones by ARN, and for a user its
     * groups' (inline as {@code group/policy}).
     */
    private static Map<String, String> policies(IamDirectory dir, String arn) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> inline = Map.of();
        List<String> attached = List.of();
        for (IamDirectory.User u : dir.users()) {
            if (u.arn().equals(arn)) {
                inline = u.inline();
                attached = u.spec().attachedPolicies();
            }
        }
        for (IamDirectory.Role r : dir.roles()) {
            if (r.arn().equals(arn)) {
                inline = r.inline();
                attached = r.spec().attachedPolicies();
            }
        }
        out.putAll(inline);
        managed(dir, attached, out);
        for (IamDirectory.User u : dir.users()) {
            if (u.arn().equals(arn)) {
                for (String name : u.spec().groups()) {
                    IamDirectory.Group g = dir.group(name);
                    g.inline().forEach((policy, doc) -> out.put(name + "/" + policy, doc));
                    managed(dir, g.spec().attachedPolicies(), out);
                }
            }
        }
        return out;
    }

    private static void managed(IamDirectory dir, List<String> refs, Map<String, String> out) {
        for (String ref : refs) {
            IamDirectory.ManagedPolicy p = dir.policy(dir.resolvePolicyArn(ref));
            if (p != null) {
                out.put(p.arn(), p.defaultVersion().document());
            }
        }
    }

    /** The document without what last-accessed shows unused; {@code null} when nothing is left. */
    private JsonNode recommend(String doc, List<ServiceLine> lines, Instant windowStart) {
        JsonNode root = read(doc).deepCopy();
        Map<String, ServiceLine> byService = new LinkedHashMap<>();
        lines.forEach(l -> byService.put(l.namespace(), l));
        ArrayNode kept = Json.array();
        for (JsonNode s : asList(root.get("Statement"))) {
            if (!s.isObject() || !"Allow".equals(s.path("Effect").asText())
                    || !s.has("Action") && !s.has("NotAction")) {
                kept.add(s);
                continue;
            }
            Set<String> actions = new LinkedHashSet<>();
            if (s.has("Action")) {
                for (String text : PolicyValidation.strings(s.get("Action"))) {
                    actions.addAll(keep(new ActionPattern(text), byService, windowStart));
                }
            } else {
                // NotAction: the used services' actions it does not exclude, written out as an Action list
                List<ActionPattern> excluded = PolicyValidation.strings(s.get("NotAction")).stream()
                        .map(ActionPattern::new).toList();
                for (String action : keep(ActionPattern.ALL, byService, windowStart)) {
                    if (excluded.stream().noneMatch(x -> x.matches(action))) {
                        actions.add(action);
                    }
                }
            }
            if (!actions.isEmpty()) {
                ObjectNode copy = ((ObjectNode) s).deepCopy();
                copy.remove("NotAction");
                ArrayNode list = copy.putArray("Action");
                actions.forEach(list::add);
                kept.add(copy);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        ((ObjectNode) root).set("Statement", kept);
        return root;
    }

    private List<String> keep(ActionPattern p, Map<String, ServiceLine> lines, Instant windowStart) {
        List<String> out = new ArrayList<>();
        List<String> services = "*".equals(p.service()) ? List.copyOf(lines.keySet()) : List.of(p.service());
        for (String service : services) {
            ServiceLine line = lines.get(service.toLowerCase(Locale.ROOT));
            if (line == null || line.lastAuthenticated() == null || line.lastAuthenticated().isBefore(windowStart)) {
                continue;
            }
            if (line.actions() == null) {
                out.add("*".equals(p.service()) ? service + ":*" : p.text());
                continue;
            }
            Set<String> tracked = new LinkedHashSet<>();
            Set<String> used = new LinkedHashSet<>();
            for (LastAccessedCalculator.ActionLine a : line.actions()) {
                tracked.add(a.name().toLowerCase(Locale.ROOT));
                if (a.lastAccessed() != null && !a.lastAccessed().isBefore(windowStart)) {
                    used.add(a.name().toLowerCase(Locale.ROOT));
                }
            }
            ActionPattern within = "*".equals(p.service()) ? new ActionPattern(service + ":*") : p;
            for (String action : catalog.expand(within)) {
                String name = action.substring(action.indexOf(':') + 1).toLowerCase(Locale.ROOT);
                if (used.contains(name) || !tracked.contains(name)) {
                    out.add(action);
                }
            }
        }
        return out;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static JsonNode read(String doc) {
        try {
            return Json.MAPPER.readTree(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("scenario policy is not JSON", e);
        }
    }
}
