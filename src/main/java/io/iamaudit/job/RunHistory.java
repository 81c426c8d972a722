package io.iamaudit.job;

import io.iamaudit.history.RunSightings;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.StagingRepository;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a staged run tells the findings ledger: the accounts it audited and their findings. */
final class RunHistory {
    private RunHistory() {
    }

    static RunSightings of(StagingRepository staging, AuditRun run) {
        Set<String> audited = staging.coverage(run.runId()).stream()
                .filter(c -> c.status() == AccountCoverage.Status.AUDITED)
                .map(AccountCoverage::accountId).collect(Collectors.toSet());
        List<RunSightings.Sighting> sightings;
        // hundreds of thousands of findings name a few hundred accounts and some dozens of rules: one copy of each
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try (Stream<Finding> findings = staging.findings(run.runId())) {
            sightings = findings.filter(f -> audited.contains(f.accountId()))
                    .map(f -> new RunSightings.Sighting(f.findingId(), names.computeIfAbsent(f.accountId(), n -> n),
                            names.computeIfAbsent(f.ruleId(), n -> n), f.firstSeen(),
                            f.status() == Finding.Status.NOT_EVALUATED))
                    .toList();
        }
        return new RunSightings(run.runId(), run.startedAt(), audited, sightings);
    }
}
