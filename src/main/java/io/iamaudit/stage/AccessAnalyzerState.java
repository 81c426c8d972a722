package io.iamaudit.stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What IAM Access Analyzer says about one account: the analyzers that cover it (its own, or the organization's in the
 * delegated administrator) and their active findings on its resources.
 */
public record AccessAnalyzerState(List<Analyzer> analyzers, List<AnalyzerFinding> findings) {
    public AccessAnalyzerState {
        analyzers = List.copyOf(analyzers);
        findings = List.copyOf(findings);
    }

    public boolean coveredBy(String... types) {
        return analyzers.stream().filter(a -> "ACTIVE".equals(a.status()))
                .anyMatch(a -> List.of(types).contains(a.type()));
    }

    /** Whether an active analyzer of one of these types analyses the account (it is not excluded from it). */
    public boolean covers(String accountId, String... types) {
        return analyzers.stream().filter(a -> "ACTIVE".equals(a.status()))
                .filter(a -> !a.excludedAccountIds().contains(accountId))
                .anyMatch(a -> List.of(types).contains(a.type()));
    }

    /**
     * @param type               ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, ...
     * @param excludedAccountIds accounts an organization analyzer's analysis rule excludes
     */
    public record Analyzer(String arn, String name, String type, String status, String ownerAccountId,
                           List<String> excludedAccountIds) {
        public Analyzer {
            excludedAccountIds = excludedAccountIds == null ? List.of() : List.copyOf(excludedAccountIds);
        }

        public Analyzer(String arn, String name, String type, String status, String ownerAccountId) {
            this(arn, name, type, status, ownerAccountId, List.of());
        }
    }

    /**
     * A finding (ListFindingsV2 + GetFindingV2).
     *
     * @param findingType       ExternalAccess, UnusedIAMRole, UnusedIAMUserAccessKey, UnusedIAMUserPassword,
     *                          UnusedPermission, InternalAccess, or a value AWS adds later (kept as text)
     * @param principal         external access: who gets access (e.g. {@code AWS -> 111122223333})
     * @param actions           external access: the actions granted
     * @param unusedPermissions unused access: one entry per service
     * @param accessKeyId       UnusedIAMUserAccessKey: the key id's last four characters ({@code …ABCD}); the full id is never staged
     * @param lastAccessed      unused role, password or key: when it was last used
     */
    public record AnalyzerFinding(String id, String analyzerArn, String findingType, String resource,
                                  String resourceType, String resourceOwnerAccount, String status,
                                  Instant createdAt, Instant updatedAt, Map<String, String> principal,
                                  List<String> actions, Boolean isPublic, List<UnusedPermission> unusedPermissions,
                                  String accessKeyId, Instant lastAccessed) {
        public AnalyzerFinding {
            principal = principal == null ? Map.of() : Map.copyOf(principal);
            actions = actions == null ? List.of() : List.copyOf(actions);
            unusedPermissions = unusedPermissions == null ? List.of() : List.copyOf(unusedPermissions);
        }
    }

    /** Unused actions of one service; an empty {@code actions} list means the whole service is unused. */
    public record UnusedPermission(String serviceNamespace, Instant lastAccessed, List<UnusedAction> actions) {
        public UnusedPermission {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    public record UnusedAction(String action, Instant lastAccessed) {
    }
}
