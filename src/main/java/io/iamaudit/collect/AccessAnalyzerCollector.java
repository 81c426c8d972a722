package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccessAnalyzerState.UnusedAction;
import io.iamaudit.stage.AccessAnalyzerState.UnusedPermission;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamRole;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;
import software.amazon.awssdk.services.accessanalyzer.model.FindingDetails;
import software.amazon.awssdk.services.accessanalyzer.model.FindingSummaryV2;
import software.amazon.awssdk.services.accessanalyzer.model.GetFindingV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What IAM Access Analyzer knows about one account. When the organization has analyzers (found once per run by
 * {@link OrgAnalyzerLocator}), their ACTIVE findings on this account's resources are read in the analyzer owner's
 * account; otherwise the account's own ACCOUNT / ACCOUNT_UNUSED_ACCESS analyzers are used. No analyzer at all gives
 * a state with no analyzers, which the analysis reports as a gap.
 *
 * <p>Every organization's findings are read against one quota in the delegated administrator, so calls there are
 * the scarcest of the run. A finding's details ({@code GetFindingV2}) are read only when the summary and the
 * account's own IAM data cannot say the same: an unused role's details are nothing but its last use, which the
 * authorization details already carry (RoleLastUsed), so unused roles, usually most of an organization's findings,
 * cost no call of their own.
 */
public final class AccessAnalyzerCollector {

    private final OrgAnalyzers org;
    private final AccountSession session;
    private final String accountId;
    private final Map<String, IamRole> rolesByArn = new HashMap<>();

    /**
     * @param session       the audited account's session; organization findings are counted in its counter too
     * @param authorization the account's authorization details when collected ({@code null} when not): the roles'
     *                      last use answers unused-role findings without reading their details
     */
    public AccessAnalyzerCollector(OrgAnalyzers org, AccountSession session, String accountId,
                                   AuthorizationDetails authorization) {
        this.org = org == null ? OrgAnalyzers.none("not looked up") : org;
        this.session = session;
        this.accountId = accountId;
        if (authorization != null) {
            authorization.roles().forEach(r -> rolesByArn.put(r.arn(), r));
        }
    }

    public AccessAnalyzerState collect() {
        if (!org.active().isEmpty()) {
            try (AccessAnalyzerClient orgClient = org.clientCountingInto(session.counter())) {
                return new AccessAnalyzerState(org.analyzers(), findings(orgClient, org.active()));
            }
        }
        // the account's own client only here: built on first use, so an organization-wide read builds none
        AccessAnalyzerClient accountClient = session.clients().accessAnalyzer();
        List<Analyzer> own = new ArrayList<>(analyzers(accountClient, Type.ACCOUNT, accountId));
        own.addAll(analyzers(accountClient, Type.ACCOUNT_UNUSED_ACCESS, accountId));
        List<Analyzer> active = own.stream().filter(a -> "ACTIVE".equals(a.status())).toList();
        return new AccessAnalyzerState(own, findings(accountClient, active));
    }

    static List<Analyzer> analyzers(AccessAnalyzerClient client, Type type, String owner) {
        return client.listAnalyzersPaginator(r -> r.type(type)).analyzers().stream()
                .map(a -> new Analyzer(a.arn(), a.name(), a.typeAsString(), a.statusAsString(), owner,
                        excludedAccounts(a)))
                .toList();
    }

    /** The accounts an organization analyzer's unused-access analysis rule leaves out. */
    private static List<String> excludedAccounts(software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary a) {
        var configuration = a.configuration();
        if (configuration == null || configuration.unusedAccess() == null
                || configuration.unusedAccess().analysisRule() == null) {
            return List.of();
        }
        return configuration.unusedAccess().analysisRule().exclusions().stream()
                .flatMap(e -> e.accountIds().stream()).toList();
    }

    private List<AnalyzerFinding> findings(AccessAnalyzerClient client, List<Analyzer> analyzers) {
        Map<String, Criterion> filter = Map.of(
                "resourceOwnerAccount", Criterion.builder().eq(accountId).build(),
                "status", Criterion.builder().eq("ACTIVE").build());
        List<AnalyzerFinding> findings = new ArrayList<>();
        for (Analyzer analyzer : analyzers) {
            for (FindingSummaryV2 summary : client.listFindingsV2Paginator(r -> r.analyzerArn(analyzer.arn())
                    .filter(filter)).findings()) {
                IamRole role = "UnusedIAMRole".equals(summary.findingTypeAsString())
                        ? rolesByArn.get(summary.resource()) : null;
                findings.add(role != null ? unusedRole(analyzer.arn(), summary, role)
                        : details(client, analyzer.arn(), summary));
            }
        }
        return findings;
    }

    /** A finding from its details ({@code GetFindingV2}, every page). */
    static AnalyzerFinding details(AccessAnalyzerClient client, String analyzerArn, FindingSummaryV2 summary) {
        return details(client, analyzerArn, summary.id());
    }

    static AnalyzerFinding details(AccessAnalyzerClient client, String analyzerArn, String findingId) {
        List<FindingDetails> details = new ArrayList<>();
        GetFindingV2Response response = null;
        String nextToken = null;
        do {
            String token = nextToken;
            response = client.getFindingV2(r -> r.analyzerArn(analyzerArn).id(findingId).nextToken(token));
            details.addAll(response.findingDetails());
            nextToken = response.nextToken();
        } while (nextToken != null);
        return fromDetails(analyzerArn, response, details);
    }

    /**
     * An unused-role finding from its summary: AWS's details hold only the role's last use, the same
     * RoleLastUsed.LastUsedDate the authorization details report.
     *
     * @param role the role as the authorization details list it; {@code null}: its last use is added later
     */
    static AnalyzerFinding unusedRole(String analyzerArn, FindingSummaryV2 s, IamRole role) {
        return new AnalyzerFinding(s.id(), analyzerArn, s.findingTypeAsString(), s.resource(),
                s.resourceTypeAsString(), s.resourceOwnerAccount(), s.statusAsString(), s.createdAt(),
                s.updatedAt(), Map.of(), List.of(), null, List.of(), null, role == null ? null : role.lastUsedDate());
    }

    static AnalyzerFinding fromDetails(String analyzerArn, GetFindingV2Response f, List<FindingDetails> details) {
        Map<String, String> principal = new LinkedHashMap<>();
        LinkedHashSet<String> actions = new LinkedHashSet<>();
        Boolean isPublic = null;
        List<UnusedPermission> unused = new ArrayList<>();
        String accessKeyId = null;
        Instant lastAccessed = null;
        for (FindingDetails d : details) {
            if (d.externalAccessDetails() != null) {
                principal.putAll(d.externalAccessDetails().principal());
                actions.addAll(d.externalAccessDetails().action());
                isPublic = Boolean.TRUE.equals(isPublic) || Boolean.TRUE.equals(d.externalAccessDetails().isPublic());
            }
            if (d.unusedPermissionDetails() != null) {
                var u = d.unusedPermissionDetails();
                unused.add(new UnusedPermission(u.serviceNamespace(), u.lastAccessed(), u.actions().stream()
                        .map(a -> new UnusedAction(a.action(), a.lastAccessed())).toList()));
            }
            if (d.unusedIamUserAccessKeyDetails() != null) {
                accessKeyId = lastFour(d.unusedIamUserAccessKeyDetails().accessKeyId());
                lastAccessed = d.unusedIamUserAccessKeyDetails().lastAccessed();
            }
            if (d.unusedIamRoleDetails() != null) {
                lastAccessed = d.unusedIamRoleDetails().lastAccessed();
            }
            if (d.unusedIamUserPasswordDetails() != null) {
                lastAccessed = d.unusedIamUserPasswordDetails().lastAccessed();
            }
        }
        return new AnalyzerFinding(f.id(), analyzerArn, f.findingTypeAsString(), f.resource(),
                f.resourceTypeAsString(), f.resourceOwnerAccount(), f.statusAsString(), f.createdAt(),
                f.updatedAt(), principal, new ArrayList<>(actions), isPublic, unused, accessKeyId, lastAccessed);
    }

    /** A full access key id is half a credential: only its last four characters are staged (all any report shows). */
    static String lastFour(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            return null;
        }
        String id = accessKeyId.strip();
        return "\u2026" + (id.length() <= 4 ? id : id.substring(id.length() - 4));
    }
}
