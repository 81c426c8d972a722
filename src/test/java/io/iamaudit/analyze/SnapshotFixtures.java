package io.iamaudit.analyze;

import io.iamaudit.stage.OrganizationFeatures;

import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AccountSummary;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Collected;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.IamGroup;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.IdentityProvider;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.MfaDevice;
import io.iamaudit.stage.PasswordPolicy;
import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServerCertificate;
import io.iamaudit.stage.ServiceLastAccessed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-data builders for {@link AccountSnapshot}: {@link #clean()} is an account every rule passes (root with
 * hardware MFA and no keys, strong password policy, SAML federation, analyzers, a used support role, no IAM users);
 * {@code with...} modifiers add exactly the problem a test is about.
 */
public final class SnapshotFixtures {

    public static final String ACCOUNT = "111111111111";
    public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String SUPPORT_ARN = "arn:aws:iam::aws:policy/AWSSupportAccess";
    public static final String SECURITY_AUDIT_ARN = "arn:aws:iam::aws:policy/SecurityAudit";

    private AccountRef account = new AccountRef(ACCOUNT, "prod", "prod@example.com", "ACTIVE", "Root/Prod", Map.of());
    private Instant reportGenerated = NOW.minus(Duration.ofHours(1));
    private CredentialReportRow rootRow = rootRow(daysAgo(200), null);
    private final List<UserFixture> users = new ArrayList<>();
    private final List<RoleFixture> roles = new ArrayList<>();
    private final List<IamGroup> groups = new ArrayList<>();
    private final List<ManagedPolicy> policies = new ArrayList<>();
    private Optional<PasswordPolicy> passwordPolicy = Optional.of(
            new PasswordPolicy(14, true, true, true, true, true, true, 90, 24, false));
    private final Map<String, Integer> summary = new HashMap<>(Map.of("AccountMFAEnabled", 1,
            "AccountAccessKeysPresent", 0));
    private final List<IdentityProvider> providers = new ArrayList<>(List.of(new IdentityProvider(
            IdentityProvider.Type.SAML, "arn:aws:iam::" + ACCOUNT + ":saml-provider/corp", null)));
    private final List<MfaDevice> mfaDevices = new ArrayList<>();
    private final List<ServerCertificate> certificates = new ArrayList<>();
    private final List<io.iamaudit.stage.SecretsInventory.RegionSecrets> secretRegions = new ArrayList<>();
    private final List<Analyzer> analyzers = new ArrayList<>(List.of(
            new Analyzer("arn:aws:access-analyzer:us-east-1:" + ACCOUNT + ":analyzer/ext", "ext", "ACCOUNT", "ACTIVE",
                    ACCOUNT),
            new Analyzer("arn:aws:access-analyzer:us-east-1:" + ACCOUNT + ":analyzer/unused", "unused",
                    "ACCOUNT_UNUSED_ACCESS", "ACTIVE", ACCOUNT)));
    private final List<AnalyzerFinding> findings = new ArrayList<>();
    private final Map<DataSet, String> missing = new EnumMap<>(DataSet.class);

    private SnapshotFixtures() {
        policies.add(managed("AWSSupportAccess", SUPPORT_ARN,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"support:*\",\"Resource\":\"*\"}]}",
                daysAgo(2000)));
        // SecurityAudit shrunk to what the support role uses, so that only IAM.SECURITY_AUDIT.ROLE notices it
        policies.add(managed("SecurityAudit", SECURITY_AUDIT_ARN,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"support:Describe*\",\"Resource\":\"*\"}]}",
                daysAgo(2000)));
        roles.add(role("support").attached("AWSSupportAccess", SUPPORT_ARN)
                .attached("SecurityAudit", SECURITY_AUDIT_ARN).lastAccessed(service("support", daysAgo(5))));
    }

    public static SnapshotFixtures clean() {
        return new SnapshotFixtures();
    }

    public static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** The fixture account is the organization's management account (its root keeps credentials). */
    public static AnalysisContext context() {
        return AnalysisContext.of("run-1", CLOCK).withManagementAccountId(ACCOUNT);
    }

    public static String arn(String kind, String name) {
        return "arn:aws:iam::" + ACCOUNT + ":" + kind + "/" + name;
    }

    public static UserFixture user(String name) {
        return new UserFixture(name);
    }

    public static RoleFixture role(String name) {
        return new RoleFixture(name);
    }

    public static ManagedPolicy managed(String name, String arn, String document, Instant versionCreated) {
        return new ManagedPolicy(name, "ID" + name, arn, "/", "v1", 1, versionCreated, versionCreated, document,
                versionCreated);
    }

    public static ManagedPolicy customer(String name, String document) {
        return managed(name, arn("policy", name), document, daysAgo(300));
    }

    public static String allow(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    public static ServiceLastAccessed service(String namespace, Instant lastAuthenticated,
                                              ServiceLastAccessed.ActionLastAccessed... tracked) {
        return new ServiceLastAccessed(namespace, namespace, lastAuthenticated, null, List.of(tracked));
    }

    public static ServiceLastAccessed.ActionLastAccessed action(String name, Instant last) {
        return new ServiceLastAccessed.ActionLastAccessed(name, last, null);
    }

    public static CredentialReportRow rootRow(Instant passwordLastUsed, Instant keyLastUsed) {
        return new CredentialReportRow(CredentialReport.ROOT_USER, "arn:aws:iam::" + ACCOUNT + ":root", daysAgo(3000),
                null, passwordLastUsed, null, null, true,
                List.of(new AccessKeySlot(1, keyLastUsed != null, keyLastUsed == null ? null : daysAgo(3000),
                        keyLastUsed, null, null), new AccessKeySlot(2, false, null, null, null, null)),
                List.of(), Map.of());
    }

    public SnapshotFixtures withUser(UserFixture u) {
        users.add(u);
        return this;
    }

    public SnapshotFixtures withRole(RoleFixture r) {
        roles.add(r);
        return this;
    }

    public SnapshotFixtures withoutRoles() {
        roles.clear();
        return this;
    }

    public SnapshotFixtures withGroup(String name, List<AttachedPolicy> attached, List<InlinePolicy> inline) {
        groups.add(new IamGroup(name, "G" + name, arn("group", name), "/", daysAgo(500), attached, inline));
        return this;
    }

    public SnapshotFixtures withPolicy(ManagedPolicy p) {
        policies.add(p);
        return this;
    }

    public SnapshotFixtures withPasswordPolicy(PasswordPolicy p) {
        passwordPolicy = Optional.ofNullable(p);
        return this;
    }

    public SnapshotFixtures withSummary(String key, int value) {
        summary.put(key, value);
        return this;
    }

    public SnapshotFixtures withRootRow(CredentialReportRow row) {
        rootRow = row;
        return this;
    }

    public SnapshotFixtures withReportGenerated(Instant generated) {
        reportGenerated = generated;
        return this;
    }

    public SnapshotFixtures withoutIdentityProviders() {
        providers.clear();
        return this;
    }

    public SnapshotFixtures withVirtualMfa(MfaDevice d) {
        mfaDevices.add(d);
        return this;
    }

    /** Adds a region's Secrets Manager read (or failure) to the account's secrets; none means no secrets at all. */
    public SnapshotFixtures withSecretRegion(io.iamaudit.stage.SecretsInventory.RegionSecrets region) {
        secretRegions.add(region);
        return this;
    }

    public SnapshotFixtures withCertificate(ServerCertificate c) {
        certificates.add(c);
        return this;
    }

    public SnapshotFixtures withAnalyzers(Analyzer... list) {
        analyzers.clear();
        analyzers.addAll(List.of(list));
        return this;
    }

    public SnapshotFixtures withFinding(AnalyzerFinding f) {
        findings.add(f);
        return this;
    }

    private OrganizationFeatures organizationFeatures;

    public SnapshotFixtures missing(DataSet set, String error) {
        missing.put(set, error);
        return this;
    }

    public AccountSnapshot build() {
        List<CredentialReportRow> rows = new ArrayList<>();
        if (rootRow != null) {
            rows.add(rootRow);
        }
        users.forEach(u -> rows.add(u.row()));
        List<PrincipalLastAccessed> lastAccessed = new ArrayList<>();
        users.forEach(u -> u.lastAccessed().ifPresent(lastAccessed::add));
        roles.forEach(r -> r.lastAccessed().ifPresent(lastAccessed::add));
        AccountSnapshot snapshot = new AccountSnapshot(account, NOW,
                c(DataSet.CREDENTIAL_REPORT, new CredentialReport(reportGenerated, rows)),
                c(DataSet.AUTHORIZATION, new AuthorizationDetails(users.stream().map(UserFixture::user).toList(),
                        groups, roles.stream().map(RoleFixture::role).toList(), policies)),
                c(DataSet.PASSWORD_POLICY, passwordPolicy), c(DataSet.ACCOUNT_SUMMARY, new AccountSummary(summary)),
                c(DataSet.IDENTITY_PROVIDERS, List.copyOf(providers)),
                c(DataSet.VIRTUAL_MFA_DEVICES, List.copyOf(mfaDevices)),
                c(DataSet.SERVER_CERTIFICATES, List.copyOf(certificates)), c(DataSet.LAST_ACCESSED, lastAccessed),
                c(DataSet.ACCESS_ANALYZER, new AccessAnalyzerState(analyzers, findings)))
                .withSecrets(c(DataSet.SECRETS, new io.iamaudit.stage.SecretsInventory(secretRegions)));
        // organization-wide: absent unless the fixture is the account where it is read
        return organizationFeatures == null && !missing.containsKey(DataSet.ORGANIZATION_FEATURES) ? snapshot
                : snapshot.withOrganizationFeatures(c(DataSet.ORGANIZATION_FEATURES, organizationFeatures));
    }

    /** Makes this the account where the organization's features are read (the runner's account). */
    public SnapshotFixtures withOrganizationFeatures(OrganizationFeatures features) {
        organizationFeatures = features;
        return this;
    }

    private <T> Collected<T> c(DataSet set, T value) {
        return missing.containsKey(set) ? Collected.failed(missing.get(set)) : Collected.of(value);
    }

    /** An IAM user and its credential-report row, built together so they agree. */
    public static final class UserFixture {
        private final String name;
        private Instant created = daysAgo(365);
        private boolean console;
        private Instant passwordLastUsed;
        private boolean mfa;
        private final List<AccessKeySlot> keys = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private final List<AttachedPolicy> attached = new ArrayList<>();
        private final List<InlinePolicy> inline = new ArrayList<>();
        private final Map<String, String> tags = new HashMap<>();
        private List<ServiceLastAccessed> services;

        UserFixture(String name) {
            this.name = name;
        }

        public String arn() {
            return SnapshotFixtures.arn("user", name);
        }

        public UserFixture created(Instant when) {
            created = when;
            return this;
        }

        public UserFixture console(Instant lastUsed) {
            console = true;
            passwordLastUsed = lastUsed;
            return this;
        }

        public UserFixture mfa() {
            mfa = true;
            return this;
        }

        public UserFixture key(Instant created, Instant lastUsed) {
            keys.add(new AccessKeySlot(keys.size() + 1, true, created, lastUsed, null, lastUsed == null ? null : "s3"));
            return this;
        }

        public UserFixture group(String group) {
            groups.add(group);
            return this;
        }

        public UserFixture attached(String policyName, String policyArn) {
            attached.add(new AttachedPolicy(policyName, policyArn));
            return this;
        }

        public UserFixture inline(String policyName, String document) {
            inline.add(new InlinePolicy(policyName, document));
            return this;
        }

        public UserFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public UserFixture lastAccessed(ServiceLastAccessed... list) {
            services = List.of(list);
            return this;
        }

        IamUser user() {
            return new IamUser(name, "U" + name, arn(), "/", created, groups, attached, inline, null, tags);
        }

        CredentialReportRow row() {
            List<AccessKeySlot> slots = new ArrayList<>(keys);
            while (slots.size() < 2) {
                slots.add(new AccessKeySlot(slots.size() + 1, false, null, null, null, null));
            }
            return new CredentialReportRow(name, arn(), created, console, passwordLastUsed,
                    console ? created : null, null, mfa, slots, List.of(), Map.of());
        }

        Optional<PrincipalLastAccessed> lastAccessed() {
            return Optional.ofNullable(services).map(s -> new PrincipalLastAccessed(arn(), s, null));
        }
    }

    /** An IAM role. */
    public static final class RoleFixture {
        private final String name;
        private String path = "/";
        private Instant created = daysAgo(365);
        private Instant lastUsed = daysAgo(1);
        private String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        private final List<AttachedPolicy> attached = new ArrayList<>();
        private final List<InlinePolicy> inline = new ArrayList<>();
        private final Map<String, String> tags = new HashMap<>();
        private List<ServiceLastAccessed> services;
        private String lastAccessedError;
        private String boundaryArn;

        RoleFixture(String name) {
            this.name = name;
        }

        public String arn() {
            return SnapshotFixtures.arn("role", path.substring(1) + name);
        }

        public RoleFixture path(String p) {
            path = p;
            return this;
        }

        public RoleFixture created(Instant when) {
            created = when;
            return this;
        }

        public RoleFixture lastUsed(Instant when) {
            lastUsed = when;
            return this;
        }

        public RoleFixture trust(String json) {
            trust = json;
            return this;
        }

        public RoleFixture attached(String policyName, String policyArn) {
            attached.add(new AttachedPolicy(policyName, policyArn));
            return this;
        }

        public RoleFixture inline(String policyName, String document) {
            inline.add(new InlinePolicy(policyName, document));
            return this;
        }

        public RoleFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public RoleFixture lastAccessed(ServiceLastAccessed... list) {
            services = List.of(list);
            return this;
        }

        public RoleFixture lastAccessedError(String error) {
            lastAccessedError = error;
            return this;
        }

        /** Sets the permissions boundary (add the policy itself with {@code withPolicy} for it to be collected). */
        public RoleFixture boundary(String policyArn) {
            boundaryArn = policyArn;
            return this;
        }

        IamRole role() {
            return new IamRole(name, "R" + name, arn(), path, created, trust, attached, inline, boundaryArn, tags, lastUsed,
                    lastUsed == null ? null : "us-east-1");
        }

        Optional<PrincipalLastAccessed> lastAccessed() {
            if (lastAccessedError != null) {
                return Optional.of(new PrincipalLastAccessed(arn(), List.of(), lastAccessedError));
            }
            return Optional.ofNullable(services).map(s -> new PrincipalLastAccessed(arn(), s, null));
        }
    }
}
