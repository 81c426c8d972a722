package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.json.Mappers;
import io.iamaudit.policy.ActionCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds large scenarios for the benchmark: N accounts × M principals × K customer policies per account, with
 * policies drawn from the action catalog, keys and passwords of various ages, and last-accessed history for part
 * of what each principal is granted. The same seed always gives the same scenario.
 */
public final class ScenarioGenerator {

    /** The services real policies mention most; generated policies draw from these first. */
    private static final List<String> COMMON = List.of("s3", "ec2", "lambda", "dynamodb", "iam", "sts", "kms",
            "logs", "cloudwatch", "sqs", "sns", "ecr", "ecs", "rds", "secretsmanager", "ssm");
    private static final List<String> MANAGED = List.of("ReadOnlyAccess", "AmazonS3ReadOnlyAccess",
            "AmazonEC2ReadOnlyAccess", "CloudWatchLogsReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess", "PowerUserAccess");
    private static final ObjectMapper JSON = Mappers.compact();

    private final long seed;
    private final ActionCatalog catalog = ActionCatalog.bundled();

    public ScenarioGenerator(long seed) {
        this.seed = seed;
    }

    /** A policy generated for an account, with the actions it grants (for plausible usage history). */
    private record Drawn(PolicySpec spec, Map<String, List<String>> grants) {
    }

    /**
     * @param accounts             accounts in the organization (the first is the management account, the second
     *                             the delegated administrator)
     * @param principalsPerAccount users and roles per account (about one in three a user)
     * @param policiesPerAccount   customer managed policies per account
     */
    public Scenario generate(int accounts, int principalsPerAccount, int policiesPerAccount) {
        if (accounts < 2 || principalsPerAccount < 1 || policiesPerAccount < 1) {
            throw new IllegalArgumentException("need at least 2 accounts, 1 principal and 1 policy per account");
        }
        Random rnd = new Random(seed);
        String orgId = "o-gen" + String.format("%010d", Math.abs(seed) % 10_000_000_000L);
        List<String> ous = List.of("Prod", "NonProd", "Sandbox");
        List<AccountSpec> list = new ArrayList<>();
        List<FindingSpec> findings = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String id = String.format("%012d", 300_000_000_000L + a);
            List<Drawn> policies = new ArrayList<>();
            for (int k = 0; k < policiesPerAccount; k++) {
                policies.add(policy(rnd, "gen-policy-" + k));
            }
            List<UserSpec> users = new ArrayList<>();
            List<RoleSpec> roles = new ArrayList<>();
            for (int p = 0; p < principalsPerAccount; p++) {
                List<Drawn> attached = List.of(policies.get(rnd.nextInt(policies.size())));
                Map<String, ServiceUsage> usage = usage(rnd, attached);
                List<String> refs = new ArrayList<>(attached.stream().map(d -> d.spec().name()).toList());
                if (rnd.nextInt(5) == 0) {
                    refs.add(MANAGED.get(rnd.nextInt(MANAGED.size())));
                }
                if (p % 3 == 0) {
                    users.add(user(rnd, "user-" + p, refs, usage));
                } else {
                    RoleSpec role = role(rnd, "role-" + p, refs, usage, list.isEmpty() ? id : list.get(0).id());
                    roles.add(role);
                    if (role.lastUsedDaysAgo() == null || role.lastUsedDaysAgo() > 90) {
                        findings.add(new FindingSpec(null, "org-unused", "UnusedIAMRole",
                                "arn:aws:iam::" + id + ":role/" + role.name(), null, id, null, null, null, null,
                                null, null, null, role.lastUsedDaysAgo(), null, null, null));
                    }
                }
            }
            PasswordPolicySpec pw = rnd.nextInt(3) == 0 ? null : new PasswordPolicySpec(8 + rnd.nextInt(9),
                    rnd.nextBoolean(), rnd.nextBoolean(), true, true, true, rnd.nextBoolean() ? 90 : null,
                    rnd.nextBoolean() ? 24 : null, false);
            RootSpec root = new RootSpec(List.of("none", "virtual", "hardware").get(rnd.nextInt(3)),
                    rnd.nextInt(10) == 0 ? List.of(new AccessKeySpec(true, 500 + rnd.nextInt(1000), null, null, null))
                            : null, rnd.nextInt(4) == 0 ? rnd.nextInt(400) : null, null);
            list.add(new AccountSpec(id, "gen-account-" + a, null, rnd.nextInt(50) == 0 && a > 1 ? "SUSPENDED" : null,
                    a == 0 ? null : ous.get(a % ous.size()), null, 200 + rnd.nextInt(2000), Map.of("env",
                    a == 0 ? "management" : ous.get(a % ous.size()).toLowerCase()), root, pw, users, null, roles,
                    policies.stream().map(Drawn::spec).toList(), null, null, null));
        }
        String admin = list.get(1).id();
        OrganizationSpec org = new OrganizationSpec(orgId, null, list.get(0).id(), null,
                Map.of("access-analyzer.amazonaws.com", admin), null);
        List<AnalyzerSpec> analyzers = List.of(
                new AnalyzerSpec("org-external", "ORGANIZATION", admin, 400, null, null, null),
                new AnalyzerSpec("org-unused", "ORGANIZATION_UNUSED_ACCESS", admin, 300, 90, null, null));
        return new Scenario(org, ous.stream().map(n -> new OuSpec(n, null, null, null)).toList(), list, analyzers,
                findings);
    }

    private Drawn policy(Random rnd, String name) {
        ArrayNode statements = JSON.createArrayNode();
        Map<String, List<String>> grants = new LinkedHashMap<>();
        int count = 1 + rnd.nextInt(3);
        for (int s = 0; s < count; s++) {
            String svc = rnd.nextInt(4) == 0 ? randomService(rnd) : COMMON.get(rnd.nextInt(COMMON.size()));
            List<String> actions = catalog.service(svc) == null ? List.of("Get" + svc) : catalog.service(svc).actions();
            ArrayNode action = JSON.createArrayNode();
            List<String> granted = new ArrayList<>();
            if (actions.isEmpty() || rnd.nextInt(6) == 0) {
                action.add(svc + ":" + (rnd.nextBoolean() ? "*" : "Get*"));
                granted.addAll(actions.stream().filter(x -> action.get(0).asText().endsWith(":*") || x.startsWith("Get"))
                        .toList());
            } else {
                for (int i = 0, n = 1 + rnd.nextInt(Math.min(6, actions.size())); i < n; i++) {
                    String pick = actions.get(rnd.nextInt(actions.size()));
                    if (!granted.contains(pick)) {
                        granted.add(pick);
                        action.add(svc + ":" + pick);
                    }
                }
            }
            ObjectNode st = JSON.createObjectNode().put("Effect", "Allow");
            st.set("Action", action);
            st.put("Resource", rnd.nextInt(3) == 0 ? "arn:aws:" + svc + ":::" + name + "-resource/*" : "*");
            statements.add(st);
            grants.computeIfAbsent(svc, k -> new ArrayList<>()).addAll(granted);
        }
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        doc.set("Statement", statements);
        int created = 30 + rnd.nextInt(1500);
        return new Drawn(new PolicySpec(name, null, "Generated policy " + name, doc, created,
                rnd.nextBoolean() ? created : rnd.nextInt(created), null), grants);
    }

    private Map<String, ServiceUsage> usage(Random rnd, List<Drawn> attached) {
        Map<String, ServiceUsage> usage = new LinkedHashMap<>();
        for (Drawn d : attached) {
            d.grants().forEach((svc, actions) -> {
                if (rnd.nextInt(3) != 0) {
                    Map<String, Integer> used = new LinkedHashMap<>();
                    actions.stream().filter(x -> rnd.nextBoolean()).limit(5).forEach(x -> used.put(x, rnd.nextInt(200)));
                    int days = used.values().stream().min(Integer::compare).orElse(rnd.nextInt(300));
                    usage.put(svc, new ServiceUsage(days, null, used));
                }
            });
        }
        return usage;
    }

    private UserSpec user(Random rnd, String name, List<String> policies, Map<String, ServiceUsage> usage) {
        int created = 10 + rnd.nextInt(1500);
        PasswordSpec password = rnd.nextBoolean() ? null
                : new PasswordSpec(rnd.nextInt(4) == 0 ? null : rnd.nextInt(Math.min(created, 300)), rnd.nextInt(created));
        List<AccessKeySpec> keys = new ArrayList<>();
        for (int i = 0, n = rnd.nextInt(3); i < n; i++) {
            int age = rnd.nextInt(created);
            keys.add(new AccessKeySpec(rnd.nextInt(5) != 0, age, rnd.nextInt(3) == 0 ? null : rnd.nextInt(age + 1),
                    COMMON.get(rnd.nextInt(COMMON.size())), "us-east-1"));
        }
        return new UserSpec(name, null, null, null, created, password,
                List.of("none", "virtual", "hardware").get(rnd.nextInt(3)), keys, policies, null, usage);
    }

    private RoleSpec role(Random rnd, String name, List<String> policies, Map<String, ServiceUsage> usage,
                          String management) {
        ObjectNode principal = rnd.nextBoolean()
                ? JSON.createObjectNode().put("Service", List.of("lambda", "ec2", "ecs-tasks").get(rnd.nextInt(3)) + ".amazonaws.com")
                : JSON.createObjectNode().put("AWS", "arn:aws:iam::" + management + ":root");
        ObjectNode st = JSON.createObjectNode().put("Effect", "Allow").put("Action", "sts:AssumeRole");
        st.set("Principal", principal);
        JsonNode trust = JSON.createObjectNode().put("Version", "2012-10-17").set("Statement",
                JSON.createArrayNode().add(st));
        int created = 10 + rnd.nextInt(1500);
        Integer lastUsed = rnd.nextInt(5) == 0 ? null : rnd.nextInt(Math.min(created, 400));
        return new RoleSpec(name, null, null, trust, policies, null, created, lastUsed, null, null, null, usage);
    }

    private String randomService(Random rnd) {
        List<String> all = new ArrayList<>(catalog.prefixes());
        return all.get(rnd.nextInt(all.size()));
    }
}
