package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A whole sandbox organization: the organization itself, its OU tree, its accounts (each with its IAM content) and
 * the Access Analyzer analyzers with their findings. Read by {@link io.iamaudit.sandbox.Scenarios}, checked by
 * {@link ScenarioValidator}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Scenario(OrganizationSpec organization, List<OuSpec> organizationalUnits, List<AccountSpec> accounts,
                       List<AnalyzerSpec> analyzers, List<FindingSpec> findings) {

    public Scenario {
        organizationalUnits = organizationalUnits == null ? List.of() : List.copyOf(organizationalUnits);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        analyzers = analyzers == null ? List.of() : List.copyOf(analyzers);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The account with this id, or null. */
    public AccountSpec account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }
}
