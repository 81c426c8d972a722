package io.iamaudit.sandbox.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks that a scenario is complete and consistent before a server is built from it: ids in AWS's formats, every
 * reference (OU, group, policy, analyzer, account) resolvable, policy documents parseable, and AWS's own limits
 * (two access keys per user). Each problem is reported as one line naming where it is.
 */
public final class ScenarioValidator {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    private static final Set<String> STATES = Set.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED");
    private static final Set<String> MFA = Set.of("none", "virtual", "hardware");
    private static final Set<String> ANALYZER_TYPES =
            Set.of("ACCOUNT", "ORGANIZATION", "ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS");
    private static final Set<String> FINDING_TYPES = Set.of("ExternalAccess", "UnusedIAMRole",
            "UnusedIAMUserAccessKey", "UnusedIAMUserPassword", "UnusedPermission");

    private ScenarioValidator() {
    }

    /** @throws IllegalArgumentException naming the first problem found */
    public static void validate(Scenario s) {
        OrganizationSpec org = require(s.organization(), "organization is missing");
        check(org.id() != null && ORG_ID.matcher(org.id()).matches(),
                "organization.id must look like o-exampleorg1 (o- and 10-32 lowercase letters or digits)");
        check(ROOT_ID.matcher(org.rootId()).matches(), "organization.rootId must look like r-ab12");
        check(!s.accounts().isEmpty(), "accounts is empty");
        OuPaths ous = new OuPaths(s.organizationalUnits());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < s.accounts().size(); i++) {
            AccountSpec a = s.accounts().get(i);
            String where = "accounts[" + i + "]";
            check(a.id() != null && ACCOUNT_ID.matcher(a.id()).matches(), where + ".id must be 12 digits");
            check(ids.add(a.id()), where + ": duplicate account id " + a.id());
            check(a.name() != null, where + ".name is missing");
            check(STATES.contains(a.state()), where + ".state must be one of " + STATES);
            if (a.ou() != null) {
                try {
                    ous.resolve(a.ou());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".ou: " + e.getMessage());
                }
            }
            account(a, "account " + a.id());
            secrets(a, "account " + a.id());
        }
        check(ids.contains(org.managementAccount()),
                "organization.managementAccount " + org.managementAccount() + " is not one of the accounts");
        org.delegatedAdministrators().forEach((svc, acct) -> check(ids.contains(acct),
                "organization.delegatedAdministrators." + svc + ": unknown account " + acct));
        if (org.centralizedRootAccess() != null) {
            org.centralizedRootAccess().forEach(f -> check(OrganizationSpec.ROOT_ACCESS_FEATURES.contains(f),
                    "organization.centralizedRootAccess: " + f + " is not one of "
                            + OrganizationSpec.ROOT_ACCESS_FEATURES));
        }
        Map<String, AnalyzerSpec> analyzers = new java.util.HashMap<>();
        for (AnalyzerSpec an : s.analyzers()) {
            String where = "analyzer " + an.name();
            check(an.name() != null, "an analyzer has no name");
            check(ANALYZER_TYPES.contains(an.type()), where + ".type must be one of " + ANALYZER_TYPES);
            check(ids.contains(an.account()), where + ": unknown account " + an.account());
            check(analyzers.put(an.name(), an) == null, where + ": duplicate analyzer name");
            an.excludedAccounts().forEach(x -> check(ids.contains(x), where + ": unknown excluded account " + x));
        }
        for (int i = 0; i < s.findings().size(); i++) {
            FindingSpec f = s.findings().get(i);
            String where = "findings[" + i + "]";
            check(analyzers.containsKey(f.analyzer()), where + ": unknown analyzer " + f.analyzer());
            check(FINDING_TYPES.contains(f.type()), where + ".type must be one of " + FINDING_TYPES);
            check(f.resource() != null, where + ".resource is missing");
            check(ids.contains(f.account()), where + ": unknown account " + f.account());
            if ("UnusedIAMUserAccessKey".equals(f.type()) && f.accessKeyId() == null) {
                check(s.account(f.account()).users().stream().anyMatch(u -> f.resource().equals(
                        "arn:aws:iam::" + f.account() + ":user" + u.path() + u.name())
                        && u.accessKeys().size() >= f.accessKeyIndex()), where + ": " + f.resource()
                        + " is not a user of account " + f.account() + " with access key " + f.accessKeyIndex());
            }
            check(analyzers.get(f.analyzer()).covers(f.account()),
                    where + ": analyzer " + f.analyzer() + " does not cover account " + f.account());
            check(analyzers.get(f.analyzer()).externalAccess() == "ExternalAccess".equals(f.type()),
                    where + ": a " + f.type() + " finding cannot come from a " + analyzers.get(f.analyzer()).type()
                            + " analyzer");
        }
    }

    private static void account(AccountSpec a, String where) {
        check(MFA.contains(a.root().mfa()), where + ": root.mfa must be one of " + MFA);
        check(a.root().accessKeys().size() <= 2, where + ": root has more than two access keys");
        Set<String> customer = unique(a.policies(), PolicySpec::name, where + ": duplicate policy ");
        Set<String> groups = unique(a.groups(), GroupSpec::name, where + ": duplicate group ");
        unique(a.users(), UserSpec::name, where + ": duplicate user ");
        unique(a.roles(), RoleSpec::name, where + ": duplicate role ");
        for (PolicySpec p : a.policies()) {
            document(p.document(), where + ": policy " + p.name());
            p.previousVersions().forEach(v -> document(v, where + ": policy " + p.name() + " previous version"));
        }
        for (GroupSpec g : a.groups()) {
            refs(g.attachedPolicies(), customer, where + ": group " + g.name());
            inline(g.inlinePolicies(), where + ": group " + g.name());
        }
        for (UserSpec u : a.users()) {
            String w = where + ": user " + u.name();
            check(MFA.contains(u.mfa()), w + ": mfa must be one of " + MFA);
            check(u.accessKeys().size() <= 2, w + " has more than two access keys (AWS allows two)");
            u.groups().forEach(g -> check(groups.contains(g), w + ": unknown group " + g));
            refs(u.attachedPolicies(), customer, w);
            inline(u.inlinePolicies(), w);
        }
        for (RoleSpec r : a.roles()) {
            String w = where + ": role " + r.name();
            document(r.trustPolicy(), w + " trustPolicy");
            refs(r.attachedPolicies(), customer, w);
            inline(r.inlinePolicies(), w);
        }
    }

    private static void refs(List<String> refs, Set<String> customer, String where) {
        for (String ref : refs) {
            check(ref.startsWith("arn:") || customer.contains(ref) || AwsManagedPolicies.byName(ref) != null,
                    where + ": policy '" + ref + "' is neither a customer policy of the account nor an AWS managed"
                            + " policy the sandbox ships " + AwsManagedPolicies.names());
        }
    }

    private static void inline(Map<String, com.fasterxml.jackson.databind.JsonNode> inline, String where) {
        inline.forEach((name, doc) -> document(doc, where + ": inline policy " + name));
    }

    private static void document(com.fasterxml.jackson.databind.JsonNode doc, String where) {
        try {
            PolicyText.of(doc);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static <T> Set<String> unique(List<T> items, Function<T, String> name, String message) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String n = require(name.apply(item), message + "(without a name)");
            check(seen.add(n.toLowerCase(java.util.Locale.ROOT)), message + n);
        }
        return new HashSet<>(items.stream().map(name).toList());
    }

    private static <T> T require(T value, String message) {
        check(value != null, message);
        return value;
    }

    /** Secrets live in enabled regions, once per name and region, and a region is either enabled or disabled. */
    private static void secrets(AccountSpec a, String where) {
        a.disabledRegions().forEach(r -> check(!a.regions().contains(r),
                where + ": region " + r + " is both enabled (or holds a secret) and disabled"));
        Set<String> names = new HashSet<>();
        for (SecretSpec secret : a.secrets()) {
            check(secret.name() != null && !secret.name().isBlank(), where + ": a secret has no name");
            check(names.add(secret.region() + "/" + secret.name()),
                    where + ": duplicate secret " + secret.name() + " in " + secret.region());
            if (secret.policy() != null) {
                try {
                    PolicyText.of(secret.policy());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": secret " + secret.name() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
