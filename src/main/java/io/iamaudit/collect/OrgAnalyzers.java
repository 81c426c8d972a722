package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

import java.util.List;

/**
 * The organization's Access Analyzer analyzers, looked up once per run by {@link OrgAnalyzerLocator}, with the session
 * of the account that owns them (the delegated administrator, else the management account), where their findings
 * are read.
 *
 * @param analyzers    organization analyzers (external and unused access) of the owner; empty when there are none
 * @param owner        the owner's session; {@code null} when {@code analyzers} is empty
 * @param note         why the lookup found nothing, for the run log; {@code null} when it found analyzers
 * @param closeOwner   whether closing this object closes {@code owner} (a session the locator opened itself)
 */
public record OrgAnalyzers(String ownerAccountId, List<Analyzer> analyzers, AccountSession owner, String note,
                           boolean closeOwner) implements AutoCloseable {

    public OrgAnalyzers {
        analyzers = List.copyOf(analyzers);
    }

    public static OrgAnalyzers none(String note) {
        return new OrgAnalyzers(null, List.of(), null, note, false);
    }

    public List<Analyzer> active() {
        return analyzers.stream().filter(a -> "ACTIVE".equals(a.status())).toList();
    }

    /**
     * A client reading the owner's findings whose calls count in {@code auditedAccountCounter}: the audited
     * account's when listed per account, the run's for the organization-wide listing. The caller closes it.
     */
    public AccessAnalyzerClient clientCountingInto(CallCounter auditedAccountCounter) {
        if (owner == null) {
            throw new IllegalStateException("no organization analyzer: " + note);
        }
        return owner.accessAnalyzerCountingInto(auditedAccountCounter);
    }

    @Override
    public void close() {
        if (closeOwner && owner != null) {
            owner.close();
        }
    }
}
