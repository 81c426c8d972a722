package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An Access Analyzer analyzer: type ({@code ACCOUNT}, {@code ORGANIZATION}, {@code ACCOUNT_UNUSED_ACCESS},
 * {@code ORGANIZATION_UNUSED_ACCESS}), the account it lives in (for organization analyzers the delegated
 * administrator), for unused-access analyzers the tracking age in days, and for organization analyzers the member
 * accounts excluded from analysis (their analysis rule's exclusions).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AnalyzerSpec(String name, String type, String account, Integer createdDaysAgo, Integer unusedAccessAge,
                           String status, List<String> excludedAccounts) {

    public AnalyzerSpec {
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        status = status == null ? "ACTIVE" : status;
        excludedAccounts = excludedAccounts == null ? List.of() : List.copyOf(excludedAccounts);
        if (unusedAccessAge == null && type != null && type.endsWith("UNUSED_ACCESS")) {
            unusedAccessAge = 90;
        }
    }

    public boolean organizationWide() {
        return type.startsWith("ORGANIZATION");
    }

    /** Whether the analyzer analyses resources of this account. */
    public boolean covers(String accountId) {
        return organizationWide() ? !excludedAccounts.contains(accountId) : account.equals(accountId);
    }

    public boolean externalAccess() {
        return "ACCOUNT".equals(type) || "ORGANIZATION".equals(type);
    }
}
