package io.iamaudit.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamaudit.sandbox.scenario.AccessKeySpec;
import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.AwsManagedPolicies;
import io.iamaudit.sandbox.scenario.AwsManagedPolicies.AwsManagedPolicy;
import io.iamaudit.sandbox.scenario.GroupSpec;
import io.iamaudit.sandbox.scenario.PolicySpec;
import io.iamaudit.sandbox.scenario.PolicyText;
import io.iamaudit.sandbox.scenario.RoleSpec;
import io.iamaudit.sandbox.scenario.UserSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's IAM content resolved from its scenario entry: ARNs, unique ids, timestamps, policy documents as
 * JSON text, and the managed policies (customer ones plus the AWS managed ones attached in the account).
 */
public final class IamDirectory {

    /** An IAM user with its access keys. */
    public record User(UserSpec spec, String arn, String id, Instant created, List<AccessKey> accessKeys,
                       Map<String, String> inline) {
        public String name() {
            return spec.name();
        }
    }

    /** An access key of a user or of the root user. */
    public record AccessKey(String id, AccessKeySpec spec, Instant created, Instant lastUsed) {
    }

    /** An IAM group. */
    public record Group(GroupSpec spec, String arn, String id, Instant created, Map<String, String> inline) {
        public String name() {
            return spec.name();
        }
    }

    /** An IAM role; {@code lastUsed} null when not used in the tracking window. */
    public record Role(RoleSpec spec, String arn, String id, Instant created, Instant lastUsed, String trustPolicy,
                       Map<String, String> inline) {
        public String name() {
            return spec.name();
        }
    }

    /** One stored version of a managed policy. */
    public record PolicyVersion(String versionId, String document, boolean isDefault, Instant created) {
    }

    /** A managed policy as GetAccountAuthorizationDetails lists it. */
    public record ManagedPolicy(String name, String arn, String id, String path, String description,
                                boolean awsManaged, List<PolicyVersion> versions, Instant created, Instant updated,
                                int attachmentCount) {
        public PolicyVersion defaultVersion() {
            return versions.stream().filter(PolicyVersion::isDefault).findFirst().orElseThrow();
        }
    }

    private final String accountId;
    private final AccountSpec spec;
    private final Instant now;
    private final List<User> users = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
    private final List<AccessKey> rootKeys = new ArrayList<>();

    /**
     * @param extraRoles roles the account has without the scenario naming them (the audit role of member accounts)
     */
    public IamDirectory(AccountSpec spec, Instant now, List<RoleSpec> extraRoles) {
        this.accountId = spec.id();
        this.spec = spec;
        this.now = now;
        for (int i = 0; i < spec.root().accessKeys().size(); i++) {
            rootKeys.add(key(spec.root().accessKeys().get(i), "root", i));
        }
        for (GroupSpec g : spec.groups()) {
            groups.add(new Group(g, arn("group", g.path(), g.name()), Ids.iam("AGPA", accountId + "/group/" + g.name()),
                    ago(g.createdDaysAgo()), inline(g.inlinePolicies())));
        }
        for (UserSpec u : spec.users()) {
            List<AccessKey> keys = new ArrayList<>();
            for (int i = 0; i < u.accessKeys().size(); i++) {
                keys.add(key(u.accessKeys().get(i), u.name(), i));
            }
            users.add(new User(u, arn("user", u.path(), u.name()), Ids.iam("AIDA", accountId + "/user/" + u.name()),
                    ago(u.createdDaysAgo()), List.copyOf(keys), inline(u.inlinePolicies())));
        }
        List<RoleSpec> allRoles = new ArrayList<>(extraRoles);
        spec.roles().forEach(r -> {
            allRoles.removeIf(x -> x.name().equals(r.name()));
            allRoles.add(r);
        });
        for (RoleSpec r : allRoles) {
            roles.add(new Role(r, arn("role", r.path(), r.name()), Ids.iam("AROA", accountId + "/role/" + r.name()),
                    ago(r.createdDaysAgo()), ago(r.lastUsedDaysAgo()), PolicyText.of(r.trustPolicy()),
                    inline(r.inlinePolicies())));
        }
        for (PolicySpec p : spec.policies()) {
            policies.put(customerArn(p), customer(p));
        }
        for (String ref : allAttachments()) {
            String arn = resolvePolicyArn(ref);
            AwsManagedPolicy aws = AwsManagedPolicies.byArn(arn);
            if (aws != null && !policies.containsKey(arn)) {
                policies.put(arn, awsManaged(aws));
            }
        }
        policies.replaceAll((arn, p) -> new ManagedPolicy(p.name(), p.arn(), p.id(), p.path(), p.description(),
                p.awsManaged(), p.versions(), p.created(), p.updated(), attachmentCount(arn)));
    }

    public String accountId() {
        return accountId;
    }

    public AccountSpec spec() {
        return spec;
    }

    public Instant now() {
        return now;
    }

    public List<User> users() {
        return users;
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Role> roles() {
        return roles;
    }

    public List<AccessKey> rootAccessKeys() {
        return rootKeys;
    }

    /** Customer managed policies first, then the AWS managed policies attached somewhere in the account. */
    public List<ManagedPolicy> policies() {
        return new ArrayList<>(policies.values());
    }

    public Group group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }

    /** The instant {@code days} days before now, or null for null. */
    public Instant ago(Integer days) {
        return days == null ? null : now.minus(Duration.ofDays(days));
    }

    /** A policy reference from the scenario (customer name, AWS managed name or ARN) as an ARN. */
    public String resolvePolicyArn(String ref) {
        if (ref.startsWith("arn:")) {
            return ref;
        }
        for (PolicySpec p : spec.policies()) {
            if (p.name().equals(ref)) {
                return customerArn(p);
            }
        }
        AwsManagedPolicy aws = AwsManagedPolicies.byName(ref);
        return aws == null ? "arn:aws:iam::aws:policy/" + ref : aws.arn();
    }

    /** The managed policy with this ARN known in the account (customer or AWS managed), or null. */
    public ManagedPolicy policy(String arn) {
        ManagedPolicy p = policies.get(arn);
        if (p == null && AwsManagedPolicies.byArn(arn) != null) {
            return awsManaged(AwsManagedPolicies.byArn(arn));
        }
        return p;
    }

    private List<String> allAttachments() {
        List<String> refs = new ArrayList<>();
        users.forEach(u -> refs.addAll(u.spec().attachedPolicies()));
        groups.forEach(g -> refs.addAll(g.spec().attachedPolicies()));
        roles.forEach(r -> refs.addAll(r.spec().attachedPolicies()));
        return refs;
    }

    private int attachmentCount(String arn) {
        return (int) allAttachments().stream().map(this::resolvePolicyArn).filter(arn::equals).count();
    }

    private AccessKey key(AccessKeySpec k, String owner, int index) {
        String id = "AKIASANDBOX" + Ids.iam("", accountId + "/key/" + owner + "/" + index).substring(7, 16);
        return new AccessKey(id, k, ago(k.createdDaysAgo()), ago(k.lastUsedDaysAgo()));
    }

    private ManagedPolicy customer(PolicySpec p) {
        List<PolicyVersion> versions = new ArrayList<>();
        int n = p.previousVersions().size();
        for (int i = 0; i < n; i++) {
            long days = p.createdDaysAgo() - (long) (p.createdDaysAgo() - p.updatedDaysAgo()) * i / Math.max(1, n);
            versions.add(new PolicyVersion("v" + (i + 1), PolicyText.of(p.previousVersions().get(i)), false,
                    now.minus(Duration.ofDays(days))));
        }
        versions.add(new PolicyVersion("v" + (n + 1), PolicyText.of(p.document()), true, ago(p.updatedDaysAgo())));
        versions.sort((a, b) -> b.created().compareTo(a.created()));
        return new ManagedPolicy(p.name(), customerArn(p), Ids.iam("ANPA", accountId + "/policy/" + p.name()), p.path(),
                p.description(), false, List.copyOf(versions), ago(p.createdDaysAgo()), ago(p.updatedDaysAgo()), 0);
    }

    private ManagedPolicy awsManaged(AwsManagedPolicy p) {
        Instant created = Instant.parse("2015-02-06T18:39:46Z");
        Instant updated = now.minus(Duration.ofDays(120));
        return new ManagedPolicy(p.name(), p.arn(), Ids.iam("ANPA", "aws/" + p.name()), p.path(), p.description(),
                true, List.of(new PolicyVersion(p.versionId(), PolicyText.of(p.document()), true, updated)), created,
                updated, 0);
    }

    private String customerArn(PolicySpec p) {
        return arn("policy", p.path(), p.name());
    }

    private String arn(String type, String path, String name) {
        return "arn:aws:iam::" + accountId + ":" + type + path + name;
    }

    private static Map<String, String> inline(Map<String, JsonNode> docs) {
        Map<String, String> out = new LinkedHashMap<>();
        docs.forEach((name, doc) -> out.put(name, PolicyText.of(doc)));
        return out;
    }
}
