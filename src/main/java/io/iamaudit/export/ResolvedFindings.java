package io.iamaudit.export;

import io.iamaudit.analyze.Rule;
import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleMetadata;
import io.iamaudit.history.FindingLedger;
import io.iamaudit.history.LedgerEntry;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The findings this run resolved, from the findings ledger after the run was recorded in it: entries of the run's
 * audited accounts whose resolution is this run's start. Each becomes a finding to archive in Security Hub.
 */
public final class ResolvedFindings {
    private ResolvedFindings() {
    }

    /** In account order, like the staged findings, so the import opens each account's client once. */
    public static List<LedgerEntry> of(FindingLedger ledger, AuditRun run, Set<String> audited) {
        return ledger.entries().stream()
                .filter(e -> audited.contains(e.accountId()))
                .filter(e -> run.startedAt().equals(e.resolved()))
                .sorted(Comparator.comparing(LedgerEntry::accountId).thenComparing(LedgerEntry::findingId))
                .toList();
    }

    /** What the ledger and the rule catalog know of a resolved finding, in the staged finding's shape. */
    public static Finding asFinding(LedgerEntry e, AuditRun run, RuleCatalog catalog) {
        RuleMetadata rule = catalog.rule(e.ruleId()).map(Rule::metadata).orElse(null);
        String title = rule == null ? e.ruleId() : rule.title();
        return new Finding(e.findingId(), run.runId(), e.accountId(), null, null, "Account", e.accountId(),
                null, e.ruleId(), title, rule == null ? null : rule.severity(), Finding.Status.FAIL,
                rule == null ? List.of() : rule.wellArchitected(), rule == null ? null : rule.cisText(),
                rule == null ? null : rule.securityHubText(),
                "Resolved: run " + run.runId() + " audited the account and no longer reports this finding (last seen "
                        + e.lastSeen() + " by run " + e.lastRun() + ")",
                rule == null ? null : rule.remediation(), e.firstSeen(), null, null, null);
    }
}
