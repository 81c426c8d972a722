package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

import java.util.List;

/**
 * The organization's Access Analyzer analyzers, looked up once per run by {@link OrgAnalyzerLocator}, with the client
 * that can read their findings (in the delegated administrator, else the management account).
 *
 * @param analyzers organization analyzers (external and unused access) of the owner account; empty when there are none
 * @param client    {@code null} when {@code analyzers} is empty
 * @param note      why the lookup found nothing, for the run log; {@code null} when it found analyzers
 * @param resource  the session opened into the delegated administrator, closed with this object; {@code null} when
 *                  the analyzers are in the management account (whose session belongs to the caller)
 */
public record OrgAnalyzers(String ownerAccountId, List<Analyzer> analyzers, AccessAnalyzerClient client, String note,
                           AccountSession resource) implements AutoCloseable {

    public OrgAnalyzers {
        analyzers = List.copyOf(analyzers);
    }

    public static OrgAnalyzers none(String note) {
        return new OrgAnalyzers(null, List.of(), null, note, null);
    }

    public List<Analyzer> active() {
        return analyzers.stream().filter(a -> "ACTIVE".equals(a.status())).toList();
    }

    @Override
    public void close() {
        if (resource != null) {
            resource.close();
        }
    }
}
