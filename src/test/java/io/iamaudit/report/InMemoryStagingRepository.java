package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.RuleOutcome;
import io.iamaudit.stage.StagingRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A test StagingRepository in memory. It counts the streams it hands out that are still open, so tests can prove the
 * writers close every cursor. Findings can also come from a supplier, for row counts that do not fit in a list.
 */
public final class InMemoryStagingRepository implements StagingRepository {
    private final Map<String, AuditRun> runs = new LinkedHashMap<>();
    private final Map<String, List<AccountRef>> accounts = new LinkedHashMap<>();
    private final Map<String, Map<String, AccountCoverage>> coverage = new LinkedHashMap<>();
    private final Map<String, Map<String, AccountSnapshot>> snapshots = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Finding>>> findings = new LinkedHashMap<>();
    private final Map<String, Map<String, List<RuleOutcome>>> outcomes = new LinkedHashMap<>();
    private final Map<String, Map<String, List<LeastPrivilegeRecommendation>>> recommendations = new LinkedHashMap<>();
    private final Map<String, Supplier<Stream<Finding>>> generatedFindings = new LinkedHashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();

    public int openStreams() {
        return openStreams.get();
    }

    /** Replaces the run's findings by a generated stream (e.g. a million rows for overflow or throughput). */
    public void generateFindings(String runId, Supplier<Stream<Finding>> supplier) {
        generatedFindings.put(runId, supplier);
    }

    @Override
    public void saveRun(AuditRun run) {
        runs.put(run.runId(), run);
    }

    @Override
    public Optional<AuditRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public Optional<AuditRun> latestUnfinishedRun() {
        return runs.values().stream().filter(r -> r.status() != AuditRun.Status.PUBLISHED)
                .max(Comparator.comparing(AuditRun::startedAt));
    }

    @Override
    public Optional<AuditRun> latestRun() {
        return runs.values().stream().max(Comparator.comparing(AuditRun::startedAt));
    }

    @Override
    public void saveAccounts(String runId, List<AccountRef> list) {
        accounts.put(runId, List.copyOf(list));
    }

    @Override
    public List<AccountRef> accounts(String runId) {
        return accounts.getOrDefault(runId, List.of());
    }

    @Override
    public void saveCoverage(AccountCoverage c) {
        coverage.computeIfAbsent(c.runId(), r -> new LinkedHashMap<>()).put(c.accountId(), c);
    }

    @Override
    public List<AccountCoverage> coverage(String runId) {
        return List.copyOf(coverage.getOrDefault(runId, Map.of()).values());
    }

    @Override
    public void saveSnapshot(String runId, AccountSnapshot snapshot) {
        snapshots.computeIfAbsent(runId, r -> new LinkedHashMap<>()).put(snapshot.account().accountId(), snapshot);
    }

    @Override
    public Optional<AccountSnapshot> snapshot(String runId, String accountId) {
        return Optional.ofNullable(snapshots.getOrDefault(runId, Map.of()).get(accountId));
    }

    @Override
    public void replaceAnalysis(String runId, String accountId, List<Finding> f, List<RuleOutcome> o,
                                List<LeastPrivilegeRecommendation> r) {
        findings.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(accountId, List.copyOf(f));
        outcomes.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(accountId, List.copyOf(o));
        recommendations.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(accountId, List.copyOf(r));
    }

    private final Map<String, Map<String, java.time.Instant>> firstSeen = new java.util.HashMap<>();

    @Override
    public void saveFirstSeen(String runId, List<io.iamaudit.stage.FirstSeen> list) {
        list.forEach(f -> firstSeen.computeIfAbsent(runId + "/" + f.accountId(), k -> new java.util.HashMap<>())
                .put(f.findingId(), f.firstSeen()));
    }

    @Override
    public Map<String, java.time.Instant> firstSeen(String runId, String accountId) {
        return Map.copyOf(firstSeen.getOrDefault(runId + "/" + accountId, Map.of()));
    }

    @Override
    public Stream<Finding> findings(String runId) {
        Supplier<Stream<Finding>> generated = generatedFindings.get(runId);
        return tracked(generated != null ? generated.get() : flatten(findings.get(runId)));
    }

    @Override
    public Stream<RuleOutcome> outcomes(String runId) {
        return tracked(flatten(outcomes.get(runId)));
    }

    @Override
    public Stream<LeastPrivilegeRecommendation> recommendations(String runId) {
        return tracked(flatten(recommendations.get(runId)));
    }

    @Override
    public Stream<AccountSnapshot> snapshots(String runId) {
        return tracked(new ArrayList<>(snapshots.getOrDefault(runId, Map.of()).values()).stream());
    }

    private static <T> Stream<T> flatten(Map<String, List<T>> byAccount) {
        return byAccount == null ? Stream.empty() : byAccount.values().stream().flatMap(List::stream);
    }

    private <T> Stream<T> tracked(Stream<T> stream) {
        openStreams.incrementAndGet();
        return stream.onClose(openStreams::decrementAndGet);
    }
}
