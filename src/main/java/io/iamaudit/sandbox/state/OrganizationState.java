package io.iamaudit.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.AuditRoleSpec;
import io.iamaudit.sandbox.scenario.OrganizationSpec;
import io.iamaudit.sandbox.scenario.OuPaths;
import io.iamaudit.sandbox.scenario.RoleSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ServiceUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization resolved from a scenario: OU and account ids, ARNs and paths, parent links, and each account's
 * {@link IamDirectory}. "Now" is fixed when the server starts, so every age in the scenario means the same instant
 * for the whole run.
 */
public final class OrganizationState {

    /** An OU with its id, ARN, parent and path ({@code o-…/r-…/ou-…/}). */
    public record Ou(String id, String name, String arn, String parentId, String path, Map<String, String> tags) {
    }

    /** An account with its ARN, join instant, parent and organization path. */
    public record Account(AccountSpec spec, String arn, Instant joined, String parentId, String path) {
        public String id() {
            return spec.id();
        }
    }

    private final Scenario scenario;
    private final OrganizationSpec org;
    private final Instant now;
    private final List<Ou> ous = new ArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, IamDirectory> directories = new HashMap<>();

    public OrganizationState(Scenario scenario, Instant now) {
        this.scenario = scenario;
        this.org = scenario.organization();
        this.now = now;
        Map<String, Ou> byPath = new HashMap<>();
        OuPaths paths = new OuPaths(scenario.organizationalUnits());
        for (OuPaths.Entry e : paths.entries()) {
            Ou parent = e.parentPath().isEmpty() ? null : byPath.get(e.parentPath());
            String id = e.ou().id() != null ? e.ou().id()
                    : "ou-" + org.rootId().substring(2) + "-" + Ids.lower(org.id() + "/" + e.path(), 8);
            String parentId = parent == null ? org.rootId() : parent.id();
            String parentPath = parent == null ? org.id() + "/" + org.rootId() + "/" : parent.path();
            Ou ou = new Ou(id, e.ou().name(), orgArn("ou") + "/" + id, parentId, parentPath + id + "/", e.ou().tags());
            byPath.put(e.path(), ou);
            ous.add(ou);
        }
        for (AccountSpec a : scenario.accounts()) {
            Ou parent = a.ou() == null ? null : byPath.get(paths.resolve(a.ou()).path());
            String parentPath = parent == null ? org.id() + "/" + org.rootId() + "/" : parent.path();
            accounts.put(a.id(), new Account(a, orgArn("account") + "/" + a.id(),
                    now.minus(Duration.ofDays(a.joinedDaysAgo())), parent == null ? org.rootId() : parent.id(),
                    parentPath + a.id() + "/"));
            List<RoleSpec> implicit = isManagement(a.id()) ? List.of() : List.of(auditRole(a));
            directories.put(a.id(), new IamDirectory(a, now, implicit));
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public OrganizationSpec organization() {
        return org;
    }

    public Instant now() {
        return now;
    }

    public String managementAccountId() {
        return org.managementAccount();
    }

    public boolean isManagement(String accountId) {
        return org.managementAccount().equals(accountId);
    }

    /** Management and delegated administrator accounts may read the organization's structure. */
    public boolean canReadOrganization(String accountId) {
        return isManagement(accountId) || org.delegatedAdministrators().containsValue(accountId);
    }

    public String organizationArn() {
        return "arn:aws:organizations::" + org.managementAccount() + ":organization/" + org.id();
    }

    public String rootArn() {
        return orgArn("root") + "/" + org.rootId();
    }

    public List<Ou> ous() {
        return ous;
    }

    public Ou ou(String id) {
        return ous.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    public List<Account> accounts() {
        return new ArrayList<>(accounts.values());
    }

    public Account account(String id) {
        return accounts.get(id);
    }

    public IamDirectory directory(String accountId) {
        return directories.get(accountId);
    }

    /** Whether the id is the root or an OU. */
    public boolean isParent(String id) {
        return org.rootId().equals(id) || ou(id) != null;
    }

    public List<Ou> ousUnder(String parentId) {
        return ous.stream().filter(o -> o.parentId().equals(parentId)).toList();
    }

    public List<Account> accountsUnder(String parentId) {
        return accounts.values().stream().filter(a -> a.parentId().equals(parentId)).toList();
    }

    private String orgArn(String type) {
        return "arn:aws:organizations::" + org.managementAccount() + ":" + type + "/" + org.id();
    }

    /**
     * The role Organizations creates in member accounts: trusts the management account, AdministratorAccess, used
     * daily by the auditor itself (so it does not look abandoned).
     */
    private RoleSpec auditRole(AccountSpec a) {
        AuditRoleSpec audit = org.auditRole();
        // JSON nodes built from Jackson's factory, not the wire package's helpers: state stays below the wire
        JsonNodeFactory json = JsonNodeFactory.instance;
        var statement = json.objectNode().put("Effect", "Allow").put("Action", "sts:AssumeRole");
        statement.set("Principal", json.objectNode().put("AWS", "arn:aws:iam::" + org.managementAccount() + ":root"));
        if (audit.externalId() != null) {
            statement.set("Condition", json.objectNode().set("StringEquals",
                    json.objectNode().put("sts:ExternalId", audit.externalId())));
        }
        JsonNode trust = json.objectNode().put("Version", "2012-10-17")
                .set("Statement", json.arrayNode().add(statement));
        Map<String, ServiceUsage> used = new LinkedHashMap<>();
        for (String svc : List.of("access-analyzer", "iam", "organizations", "sts")) {
            used.put(svc, new ServiceUsage(1, "us-east-1", null));
        }
        return new RoleSpec(audit.name(), "/", "Cross-account access role created by AWS Organizations", trust,
                List.of("AdministratorAccess"), null, a.joinedDaysAgo(), 1, "us-east-1", null, 3600, used);
    }
}
