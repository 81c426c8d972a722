package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The organization: its id ({@code o-…}), root id ({@code r-…}), management account, delegated administrators by
 * service principal (e.g. {@code access-analyzer.amazonaws.com: "222222222222"}) and the role the auditor assumes in
 * member accounts.
 *
 * @param centralizedRootAccess the IAM features ListOrganizationsFeatures reports ({@code RootCredentialsManagement},
 *                              {@code RootSessions}); {@code []} when trusted access for IAM is enabled with no
 *                              feature on; absent (null) when IAM has no trusted access, AWS's default
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OrganizationSpec(String id, String rootId, String managementAccount, String featureSet,
                               Map<String, String> delegatedAdministrators, AuditRoleSpec auditRole,
                               // [] means something (trusted access, no feature): keep it when written back
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> centralizedRootAccess) {

    public static final List<String> ROOT_ACCESS_FEATURES = List.of("RootCredentialsManagement", "RootSessions");

    public OrganizationSpec(String id, String rootId, String managementAccount, String featureSet,
                            Map<String, String> delegatedAdministrators, AuditRoleSpec auditRole) {
        this(id, rootId, managementAccount, featureSet, delegatedAdministrators, auditRole, null);
    }

    public OrganizationSpec {
        rootId = rootId == null ? "r-" + (id != null && id.length() >= 6 ? id.substring(2, 6) : "sbx0") : rootId;
        featureSet = featureSet == null ? "ALL" : featureSet;
        delegatedAdministrators = delegatedAdministrators == null ? Map.of() : Map.copyOf(delegatedAdministrators);
        auditRole = auditRole == null ? new AuditRoleSpec(null, null) : auditRole;
        centralizedRootAccess = centralizedRootAccess == null ? null : List.copyOf(centralizedRootAccess);
    }
}
