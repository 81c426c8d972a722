package io.iamaudit.bench;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.scenario.AnalyzerSpec;
import io.iamaudit.sandbox.scenario.FindingSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.state.LastAccessedCalculator;
import io.iamaudit.sandbox.state.OrganizationState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The calls an ideal collector needs for a scenario, and the least time they can take under a sandbox profile.
 * <p>
 * Minimum calls, per operation (N accounts, A of them ACTIVE; per ACTIVE account: U users, G groups, R roles
 * (including the implicit audit role of member accounts), P managed policies served, F open findings per analyzer;
 * page sizes are the sandbox's: IAM MaxItems 100, Organizations 20, Access Analyzer 100):
 * <ul>
 * <li>organizations:DescribeOrganization 1, ListRoots 1, ListAccountsForParent and ListOrganizationalUnitsForParent
 * ceil(children/20) (at least 1) per root and OU, ListTagsForResource 1 per account (every account, tags feed the
 * filters), ListDelegatedAdministrators 1</li>
 * <li>sts:AssumeRole 1 per ACTIVE member account, plus 1 into the Access Analyzer delegated administrator</li>
 * <li>iam:GenerateCredentialReport 1 and GetCredentialReport 1 per account (the report is ready after the
 * profile's delay: an ideal collector asks once, when it is)</li>
 * <li>iam:GetAccountAuthorizationDetails ceil((U+G+R+P)/100); GetAccountPasswordPolicy, GetAccountSummary,
 * ListSAMLProviders, ListOpenIDConnectProviders, ListServerCertificates 1 each; ListVirtualMFADevices
 * ceil(virtual devices/100), at least 1; ListOrganizationsFeatures 1 in the management account only</li>
 * <li>iam:ListUsers, iam:ListRoles 0: the principals are in GetAccountAuthorizationDetails</li>
 * <li>iam:GenerateServiceLastAccessedDetails U+R; GetServiceLastAccessedDetails sum over principals of
 * ceil(services allowed/100), at least 1 (read once, when the job is done)</li>
 * <li>access-analyzer:ListAnalyzers 2 per run (ORGANIZATION, ORGANIZATION_UNUSED_ACCESS); ListFindingsV2
 * ceil(F/100), at least 1, per ACTIVE organization analyzer per account; GetFindingV2 1 per ACTIVE finding
 * whose details say more than the account's IAM data: every type but UnusedIAMRole on a role the authorization
 * details list (that finding's details are only the role's last use, RoleLastUsed)</li>
 * </ul>
 * Lower-bound time (mean latency per call; every account in parallel on its own ACCOUNT buckets; SHARED buckets for
 * the whole organization; a bucket lets through capacity calls at once then refill per second):
 * <pre>
 * discovery = 4 x latency(organizations) + max(0, (organization calls - capacity) / refill)
 * account   = latency(AssumeRole) + max(max(0, (IAM calls - capacity) / refill) + latency(iam),
 *                                       latency(GenerateCredentialReport) + report delay + latency(GetCredentialReport),
 *                                       latency(GenerateServiceLastAccessedDetails) + last-accessed delay
 *                                       + latency(GetServiceLastAccessedDetails))
 * analyzer  = latency(ListDelegatedAdministrators) + latency(AssumeRole)
 *             + max(0, (Access Analyzer calls - capacity) / refill) + latency(access-analyzer)
 * collect   = max(max over accounts of account, analyzer)
 * lower bound = discovery + collect + report writing (bare SXSSF + csv, measured)
 * </pre>
 * Analysis (CPU) is not in the bound; it is reported on its own.
 */
final class LowerBound {

    /** Minimum calls per operation and the time components in seconds. */
    record Model(Map<String, Long> minimumCalls, double discoverySeconds, double accountSeconds,
                 double analyzerSeconds, int activeAccounts) {
        long totalMinimum() {
            return minimumCalls.values().stream().mapToLong(Long::longValue).sum();
        }

        double collectSeconds() {
            return Math.max(accountSeconds, analyzerSeconds);
        }
    }

    private LowerBound() {
    }

    static Model compute(Scenario scenario, SandboxProfile profile) {
        OrganizationState org = new OrganizationState(scenario, Instant.now());
        LastAccessedCalculator calculator = new LastAccessedCalculator(ActionCatalog.bundled());
        Map<String, Long> calls = new TreeMap<>();
        String management = org.managementAccountId();

        // discovery
        add(calls, "organizations:DescribeOrganization", 1);
        add(calls, "organizations:ListRoots", 1);
        List<String> parents = new ArrayList<>();
        parents.add(scenario.organization().rootId());
        org.ous().forEach(ou -> parents.add(ou.id()));
        for (String parent : parents) {
            add(calls, "organizations:ListAccountsForParent", pages(org.accountsUnder(parent).size(), 20));
            add(calls, "organizations:ListOrganizationalUnitsForParent", pages(org.ousUnder(parent).size(), 20));
        }
        add(calls, "organizations:ListTagsForResource", org.accounts().size());
        add(calls, "organizations:ListDelegatedAdministrators", 1);
        long orgCalls = calls.values().stream().mapToLong(Long::longValue).sum();

        // the organization's analyzers, in the delegated administrator
        List<AnalyzerSpec> analyzers = scenario.analyzers().stream()
                .filter(a -> a.type().startsWith("ORGANIZATION"))
                .filter(a -> a.status() == null || "ACTIVE".equals(a.status())).toList();
        String admin = scenario.organization().delegatedAdministrators().get("access-analyzer.amazonaws.com");
        if (admin != null && !admin.equals(management)) {
            add(calls, "sts:AssumeRole", 1);
        }
        add(calls, "access-analyzer:ListAnalyzers", 2);
        long analyzerCalls = 2;

        double accountSeconds = 0;
        int active = 0;
        for (OrganizationState.Account account : org.accounts()) {
            String state = account.spec().state() == null ? "ACTIVE" : account.spec().state();
            if (!"ACTIVE".equals(state)) {
                continue;
            }
            active++;
            Map<String, Long> a = new TreeMap<>();
            if (!account.id().equals(management)) {
                add(a, "sts:AssumeRole", 1);
            }
            IamDirectory dir = org.directory(account.id());
            add(a, "iam:GenerateCredentialReport", 1);
            add(a, "iam:GetCredentialReport", 1);
            int entities = dir.users().size() + dir.groups().size() + dir.roles().size() + dir.policies().size();
            add(a, "iam:GetAccountAuthorizationDetails", pages(entities, 100));
            add(a, "iam:GetAccountPasswordPolicy", 1);
            add(a, "iam:GetAccountSummary", 1);
            if (account.id().equals(management)) {
                add(a, "iam:ListOrganizationsFeatures", 1); // organization-wide: once, where the runner is
            }
            add(a, "iam:ListSAMLProviders", 1);
            add(a, "iam:ListOpenIDConnectProviders", 1);
            add(a, "iam:ListServerCertificates", pages(dir.spec().serverCertificates() == null ? 0
                    : dir.spec().serverCertificates().size(), 100));
            long virtual = dir.users().stream().filter(u -> "virtual".equals(u.spec().mfa())).count()
                    + (account.spec().root() != null && "virtual".equals(account.spec().root().mfa()) ? 1 : 0);
            add(a, "iam:ListVirtualMFADevices", pages((int) virtual, 100));
            List<String> principals = new ArrayList<>();
            dir.users().forEach(u -> principals.add(u.arn()));
            dir.roles().forEach(r -> principals.add(r.arn()));
            Set<String> roleArns = new HashSet<>();
            dir.roles().forEach(r -> roleArns.add(r.arn()));
            add(a, "iam:GenerateServiceLastAccessedDetails", principals.size());
            long reads = 0;
            io.iamaudit.sandbox.state.PrincipalPolicies policies = new io.iamaudit.sandbox.state.PrincipalPolicies(dir);
            for (String arn : principals) {
                reads += pages(calculator.compute(policies.documents(arn), policies.usageEntities(arn), true, dir)
                        .size(), 100);
            }
            add(a, "iam:GetServiceLastAccessedDetails", reads);
            long aa = 0;
            for (AnalyzerSpec analyzer : analyzers) {
                if (analyzer.excludedAccounts() != null && analyzer.excludedAccounts().contains(account.id())) {
                    continue;
                }
                List<FindingSpec> open = scenario.findings().stream()
                        .filter(f -> analyzer.name().equals(f.analyzer()))
                        .filter(f -> account.id().equals(f.account())).filter(LowerBound::activeFinding).toList();
                long details = open.stream().filter(f -> !("UnusedIAMRole".equals(f.type())
                        && roleArns.contains(f.resource()))).count();
                aa += pages(open.size(), 100) + details;
                add(a, "access-analyzer:ListFindingsV2", pages(open.size(), 100));
                add(a, "access-analyzer:GetFindingV2", details);
            }
            analyzerCalls += aa;
            long iamCalls = a.entrySet().stream().filter(e -> e.getKey().startsWith("iam:"))
                    .mapToLong(Map.Entry::getValue).sum();
            double iam = Math.max(throttled(profile, "iam", iamCalls) + latency(profile, "iam", "x"),
                    Math.max(latency(profile, "iam", "GenerateCredentialReport")
                                    + profile.credentialReportDelayMillis() / 1000.0
                                    + latency(profile, "iam", "GetCredentialReport"),
                            latency(profile, "iam", "GenerateServiceLastAccessedDetails")
                                    + profile.lastAccessedDelayMillis() / 1000.0
                                    + latency(profile, "iam", "GetServiceLastAccessedDetails")));
            double t = (account.id().equals(management) ? 0 : latency(profile, "sts", "AssumeRole")) + iam;
            accountSeconds = Math.max(accountSeconds, t);
            a.forEach((k, v) -> add(calls, k, v));
        }
        double discovery = 4 * latency(profile, "organizations", "x") + throttled(profile, "organizations", orgCalls);
        double analyzer = latency(profile, "organizations", "ListDelegatedAdministrators")
                + latency(profile, "sts", "AssumeRole")
                + throttled(profile, "access-analyzer", analyzerCalls) + latency(profile, "access-analyzer", "x");
        return new Model(calls, discovery, accountSeconds, analyzer, active);
    }

    private static boolean activeFinding(FindingSpec f) {
        return f.status() == null || "ACTIVE".equals(f.status());
    }

    /** Seconds a bucket needs to let {@code calls} through (beyond its burst); 0 without a bucket. */
    static double throttled(SandboxProfile profile, String service, long calls) {
        SandboxProfile.Bucket b = profile.throttling().get(service);
        if (b == null || b.refillPerSecond() <= 0) {
            return 0;
        }
        return Math.max(0, (calls - b.capacity()) / b.refillPerSecond());
    }

    /** Mean latency in seconds: service:Operation, else service, else default. */
    static double latency(SandboxProfile profile, String service, String operation) {
        SandboxProfile.Latency l = profile.latency().get(service + ":" + operation);
        if (l == null) {
            l = profile.latency().get(service);
        }
        if (l == null) {
            l = profile.latency().get("default");
        }
        return l == null ? 0 : (l.minMillis() + l.maxMillis()) / 2000.0;
    }

    private static long pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    private static void add(Map<String, Long> calls, String key, long n) {
        calls.merge(key, n, Long::sum);
    }
}
