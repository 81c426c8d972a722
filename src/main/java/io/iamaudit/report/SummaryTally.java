package io.iamaudit.report;

import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Counts findings as they stream into the Findings sheet, so the Summary needs no second pass and reconciles with
 * the sheet by construction. Risk scores count FAIL findings only, weighted by severity.
 */
final class SummaryTally {
    private final ToIntFunction<Severity> weight;
    private final String noPractice;
    private final Map<Severity, Map<Finding.Status, Long>> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Map<Severity, Long>> failByPractice = new TreeMap<>();
    private final Map<String, Party> accounts = new TreeMap<>();
    private final Map<String, Party> identities = new LinkedHashMap<>();
    private final Map<String, Map<Finding.Status, Long>> byRule = new TreeMap<>();
    private long total;
    private Instant newFrom;
    private LocalDate expiryHorizon;
    private long newFindings;
    private long expiringExceptions;

    SummaryTally(ToIntFunction<Severity> weight, String noPractice) {
        this.weight = weight;
        this.noPractice = noPractice;
    }

    /** An account or identity with its finding counts. */
    static final class Party {
        final String accountId;
        final String accountName;
        final String type;
        final String name;
        final String arn;
        final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        long total;
        long fails;
        long score;

        Party(String accountId, String accountName, String type, String name, String arn) {
            this.accountId = accountId;
            this.accountName = accountName;
            this.type = type;
            this.name = name;
            this.arn = arn;
        }
    }

    /**
     * Also counts FAIL findings first seen at or after {@code runStart} (new since the previous run: first-seen dates
     * come from the earliest published run that reported them) and exceptions expiring on or before {@code horizon}.
     */
    SummaryTally watching(Instant runStart, LocalDate horizon) {
        this.newFrom = runStart;
        this.expiryHorizon = horizon;
        return this;
    }

    void add(Finding f) {
        total++;
        byRule.computeIfAbsent(String.valueOf(f.ruleId()), r -> new EnumMap<>(Finding.Status.class))
                .merge(f.status() == null ? Finding.Status.FAIL : f.status(), 1L, Long::sum);
        if (f.status() == Finding.Status.FAIL && newFrom != null && f.firstSeen() != null
                && !f.firstSeen().isBefore(newFrom)) {
            newFindings++;
        }
        if (f.status() == Finding.Status.EXCEPTED && expiryHorizon != null && f.exceptionExpiry() != null
                && !f.exceptionExpiry().isAfter(expiryHorizon)) {
            expiringExceptions++;
        }
        Severity severity = f.severity() == null ? Severity.INFORMATIONAL : f.severity();
        bySeverity.computeIfAbsent(severity, s -> new EnumMap<>(Finding.Status.class))
                .merge(f.status() == null ? Finding.Status.FAIL : f.status(), 1L, Long::sum);
        boolean fail = f.status() == Finding.Status.FAIL;
        Party account = accounts.computeIfAbsent(String.valueOf(f.accountId()),
                id -> new Party(f.accountId(), f.accountName(), "Account", f.accountName(), null));
        count(account, severity, fail);
        if (fail) {
            List<String> practices = f.wellArchitected().isEmpty() ? List.of(noPractice) : f.wellArchitected();
            for (String practice : practices) {
                failByPractice.computeIfAbsent(practice, p -> new EnumMap<>(Severity.class))
                        .merge(severity, 1L, Long::sum);
            }
            if (f.principalName() != null && !"Account".equalsIgnoreCase(f.principalType())) {
                String key = f.principalArn() != null ? f.principalArn() : f.accountId() + "/" + f.principalName();
                count(identities.computeIfAbsent(key, k -> new Party(f.accountId(), f.accountName(),
                        f.principalType(), f.principalName(), f.principalArn())), severity, true);
            }
        }
    }

    private void count(Party party, Severity severity, boolean fail) {
        party.bySeverity.merge(severity, 1L, Long::sum);
        party.total++;
        if (fail) {
            party.fails++;
            party.score += weight.applyAsInt(severity);
        }
    }

    long total() {
        return total;
    }

    long count(Severity severity, Finding.Status status) {
        return bySeverity.getOrDefault(severity, Map.of()).getOrDefault(status, 0L);
    }

    long count(Severity severity) {
        return bySeverity.getOrDefault(severity, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    long newFindings() {
        return newFindings;
    }

    long expiringExceptions() {
        return expiringExceptions;
    }

    /** Findings per rule id and status: what the per-framework summary adds up. */
    long count(String ruleId, Finding.Status status) {
        return byRule.getOrDefault(ruleId, Map.of()).getOrDefault(status, 0L);
    }

    java.util.Set<String> rules() {
        return byRule.keySet();
    }

    Map<String, Map<Severity, Long>> failByPractice() {
        return failByPractice;
    }

    List<Party> accounts() {
        return List.copyOf(accounts.values());
    }

    List<Party> topAccounts(int n) {
        return top(accounts.values().stream().filter(p -> p.fails > 0).toList(), n);
    }

    List<Party> topIdentities(int n) {
        return top(List.copyOf(identities.values()), n);
    }

    private static List<Party> top(List<Party> parties, int n) {
        return parties.stream().sorted(Comparator.comparingLong((Party p) -> p.score).reversed()
                        .thenComparing(Comparator.comparingLong((Party p) -> p.fails).reversed())
                        .thenComparing(p -> String.valueOf(p.name)))
                .limit(n).toList();
    }
}
