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
 * Minimum calls, per operation (per ACTIVE account: U users, G groups, R roles (including the implicit audit role of
 * member accounts), P managed policies served; page sizes are the sandbox's: IAM MaxItems 100, Organizations 20,
 * Access Analyzer 100):
 * <ul>
 * <li>organizations:DescribeOrganization 1, ListRoots 1, ListAccountsForParent and ListOrganizationalUnitsForParent
 * ceil(children/20) (at least 1) per root and OU, ListDelegatedAdministrators 1; ListTagsForResource 1 per account
 * only when a tag filter is set (tags feed nothing else), else 0</li>
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
 * ceil(ACTIVE findings of the analyzer / 100), at least 1, per ACTIVE organization analyzer: one
 * organization-wide listing without an account filter; GetFindingV2 1 per ACTIVE finding of an ACTIVE account
 * whose details say more than the account's IAM data: every type but UnusedIAMRole on a role the authorization
 * details list (that finding's details are only the role's last use, RoleLastUsed)</li>
 * </ul>
 * The verify step's Access Analyzer calls (ValidatePolicy per proposed document, and the optional ones) depend on
 * what analysis proposes, so they are not predicted here: the bench adds the calls the run made to the shared
 * Access Analyzer quota's time ({@link Model#withVerifyCalls}) and counts them apart from the minimum.
 * <p>
 * Lower-bound time: the constraints below can all run at the same time (discovery streams accounts into collection,
 * findings are read organization-wide beside it), so the bound is the largest of them, plus the report's bare
 * writing time measured in the run. Mean latency per call; a bucket lets through capacity calls at once, then
 * refill per second ({@link #quotaSeconds}):
 * <pre>
 * organizations  = max(4 x latency(organizations), quota(organizations calls) + latency(organizations))
 * sts            = quota(AssumeRole calls, all made by the runner's account) + latency(AssumeRole)
 * access analyzer = latency(ListDelegatedAdministrators) + latency(AssumeRole)
 *                   + quota(Access Analyzer calls of the organization + verify's) + latency(access-analyzer)
 * account        = latency(DescribeOrganization) + latency(ListRoots) + latency(ListAccountsForParent)
 *                  + latency(AssumeRole) + max(quota(IAM calls of the account) + latency(iam),
 *                                              latency(GenerateCredentialReport) + report delay + latency(GetCredentialReport),
 *                                              latency(GenerateServiceLastAccessedDetails) + last-accessed delay
 *                                              + latency(GetServiceLastAccessedDetails))
 * lower bound    = max(organizations, sts, access analyzer, slowest account) + report writing (bare SXSSF + csv)
 * </pre>
 * Analysis (CPU) is not in the bound; the bench prints the CPU bound beside it.
 */
final class LowerBound {

    /**
     * Minimum calls per operation and the time of each constraint in seconds.
     *
     * @param accessAnalyzerFixedSeconds the Access Analyzer constraint without its quota time
     * @param accessAnalyzerCalls        the organization's Access Analyzer calls of the collection
     * @param accessAnalyzerQuota        the profile's shared Access Analyzer bucket (null without one)
     */
    record Model(Map<String, Long> minimumCalls, double organizationsSeconds, double stsSeconds,
                 double accessAnalyzerFixedSeconds, long accessAnalyzerCalls, SandboxProfile.Bucket accessAnalyzerQuota,
                 double accountSeconds, int activeAccounts) {
        long totalMinimum() {
            return minimumCalls.values().stream().mapToLong(Long::longValue).sum();
        }

        double accessAnalyzerSeconds() {
            return accessAnalyzerFixedSeconds + quotaSeconds(accessAnalyzerQuota, accessAnalyzerCalls);
        }

        /** The same model with the verify step's Access Analyzer calls on the shared quota as well. */
        Model withVerifyCalls(long verifyCalls) {
            return new Model(minimumCalls, organizationsSeconds, stsSeconds, accessAnalyzerFixedSeconds,
                    accessAnalyzerCalls + verifyCalls, accessAnalyzerQuota, accountSeconds, activeAccounts);
        }

        /** The longest of the constraints that overlap: the bound before report writing. */
        double beforeReportSeconds() {
            return Math.max(Math.max(organizationsSeconds, stsSeconds), Math.max(accessAnalyzerSeconds(),
                    accountSeconds));
        }

        /** Which constraint {@link #beforeReportSeconds} is. */
        String bindingConstraint() {
            double max = beforeReportSeconds();
            return max == accountSeconds ? "slowest account" : max == accessAnalyzerSeconds() ? "access-analyzer quota"
                    : max == stsSeconds ? "sts quota" : "organizations quota";
        }

        double totalSeconds(double reportWritingSeconds) {
            return beforeReportSeconds() + reportWritingSeconds;
        }
    }

    private LowerBound() {
    }

    /** @param tagFilter whether the run filters accounts by tag (then discovery reads every account's tags) */
    static Model compute(Scenario scenario, SandboxProfile profile, boolean tagFilter) {
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
        add(calls, "organizations:ListTagsForResource", tagFilter ? org.accounts().size() : 0);
        add(calls, "organizations:ListDelegatedAdministrators", 1);

        // the organization's analyzers, in the delegated administrator
        List<AnalyzerSpec> analyzers = scenario.analyzers().stream()
                .filter(a -> a.type().startsWith("ORGANIZATION"))
                .filter(a -> a.status() == null || "ACTIVE".equals(a.status())).toList();
        String admin = scenario.organization().delegatedAdministrators().get("access-analyzer.amazonaws.com");
        if (admin != null && !admin.equals(management)) {
            add(calls, "sts:AssumeRole", 1);
        }
        add(calls, "access-analyzer:ListAnalyzers", 2);
        // one organization-wide listing per analyzer: every ACTIVE finding of it, 100 a page
        for (AnalyzerSpec analyzer : analyzers) {
            long open = scenario.findings().stream().filter(f -> analyzer.name().equals(f.analyzer()))
                    .filter(LowerBound::activeFinding).count();
            add(calls, "access-analyzer:ListFindingsV2", pages((int) open, 100));
        }

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
            for (AnalyzerSpec analyzer : analyzers) {
                if (analyzer.excludedAccounts() != null && analyzer.excludedAccounts().contains(account.id())) {
                    continue;
                }
                List<FindingSpec> open = scenario.findings().stream()
                        .filter(f -> analyzer.name().equals(f.analyzer()))
                        .filter(f -> account.id().equals(f.account())).filter(LowerBound::activeFinding).toList();
                long details = open.stream().filter(f -> !("UnusedIAMRole".equals(f.type())
                        && roleArns.contains(f.resource()))).count();
                add(a, "access-analyzer:GetFindingV2", details);
            }
            long iamCalls = a.entrySet().stream().filter(e -> e.getKey().startsWith("iam:"))
                    .mapToLong(Map.Entry::getValue).sum();
            double iam = Math.max(quotaSeconds(profile, "iam", iamCalls) + latency(profile, "iam", "x"),
                    Math.max(latency(profile, "iam", "GenerateCredentialReport")
                                    + profile.credentialReportDelayMillis() / 1000.0
                                    + latency(profile, "iam", "GetCredentialReport"),
                            latency(profile, "iam", "GenerateServiceLastAccessedDetails")
                                    + profile.lastAccessedDelayMillis() / 1000.0
                                    + latency(profile, "iam", "GetServiceLastAccessedDetails")));
            double t = firstAccountListed(profile)
                    + (account.id().equals(management) ? 0 : latency(profile, "sts", "AssumeRole")) + iam;
            accountSeconds = Math.max(accountSeconds, t);
            a.forEach((k, v) -> add(calls, k, v));
        }
        long orgCalls = calls.entrySet().stream().filter(e -> e.getKey().startsWith("organizations:"))
                .mapToLong(Map.Entry::getValue).sum();
        long assumeRoles = calls.getOrDefault("sts:AssumeRole", 0L);
        long analyzerCalls = calls.entrySet().stream().filter(e -> e.getKey().startsWith("access-analyzer:"))
                .mapToLong(Map.Entry::getValue).sum();
        double organizations = Math.max(4 * latency(profile, "organizations", "x"),
                quotaSeconds(profile, "organizations", orgCalls) + latency(profile, "organizations", "x"));
        double sts = quotaSeconds(profile, "sts", assumeRoles) + latency(profile, "sts", "AssumeRole");
        double analyzerFixed = latency(profile, "organizations", "ListDelegatedAdministrators")
                + latency(profile, "sts", "AssumeRole") + latency(profile, "access-analyzer", "x");
        return new Model(calls, organizations, sts, analyzerFixed, analyzerCalls,
                profile.throttling().get("access-analyzer"), accountSeconds, active);
    }

    /** Discovery streams accounts into collection: the first page of accounts is three Organizations calls in. */
    static double firstAccountListed(SandboxProfile profile) {
        return latency(profile, "organizations", "DescribeOrganization") + latency(profile, "organizations", "ListRoots")
                + latency(profile, "organizations", "ListAccountsForParent");
    }

    private static boolean activeFinding(FindingSpec f) {
        return f.status() == null || "ACTIVE".equals(f.status());
    }

    /** Seconds a service's bucket needs to let {@code calls} through (beyond its burst); 0 without a bucket. */
    static double quotaSeconds(SandboxProfile profile, String service, long calls) {
        return quotaSeconds(profile.throttling().get(service), calls);
    }

    /** Burst then refill: the first {@code capacity} calls at once, the rest at {@code refill} per second. */
    static double quotaSeconds(SandboxProfile.Bucket bucket, long calls) {
        if (bucket == null || bucket.refillPerSecond() <= 0) {
            return 0;
        }
        return Math.max(0, (calls - bucket.capacity()) / bucket.refillPerSecond());
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
