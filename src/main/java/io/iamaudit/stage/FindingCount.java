package io.iamaudit.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How many of a run's findings one rule reported in one account with one status: what a control matrix counts, read
 * without the findings themselves.
 */
public record FindingCount(String ruleId, String accountId, Finding.Status status, long count) {

    /** The counts of {@code findings}, in (rule, account, status) order. */
    public static List<FindingCount> of(Stream<Finding> findings) {
        Map<List<String>, long[]> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        findings.forEach(f -> counts.computeIfAbsent(List.of(String.valueOf(f.ruleId()), String.valueOf(f.accountId()),
                f.status().name()), k -> new long[1])[0]++);
        List<FindingCount> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new FindingCount(k.get(0), k.get(1), Finding.Status.valueOf(k.get(2)), c[0])));
        return out;
    }
}
