package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * The organization: its id ({@code o-…}), root id ({@code r-…}), management account, delegated administrators by
 * service principal (e.g. {@code access-analyzer.amazonaws.com: "222222222222"}) and the role the auditor assumes in
 * member accounts.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OrganizationSpec(String id, String rootId, String managementAccount, String featureSet,
                               Map<String, String> delegatedAdministrators, AuditRoleSpec auditRole) {

    public OrganizationSpec {
        rootId = rootId == null ? "r-" + (id != null && id.length() >= 6 ? id.substring(2, 6) : "sbx0") : rootId;
        featureSet = featureSet == null ? "ALL" : featureSet;
        delegatedAdministrators = delegatedAdministrators == null ? Map.of() : Map.copyOf(delegatedAdministrators);
        auditRole = auditRole == null ? new AuditRoleSpec(null, null) : auditRole;
    }
}
