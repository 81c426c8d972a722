package io.iamaudit.report;

import io.iamaudit.analyze.RuleDisplay;
import io.iamaudit.analyze.RuleDisplays;
import io.iamaudit.stage.Finding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Findings per framework control: every rule that maps to a control adds its findings to it, by status. Controls
 * with no rule that had findings are left out; the rule count says how many rules of the run give evidence for it.
 */
final class FrameworkTally {
    private FrameworkTally() {
    }

    /** One control of one framework. */
    record Line(String framework, String control, int rules, Map<Finding.Status, Long> counts) {
        long count(Finding.Status status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    static List<Line> of(RuleDisplays displays, SummaryTally tally) {
        List<Line> out = new ArrayList<>();
        out.addAll(framework("SOC 2", RuleDisplay::soc2, displays, tally));
        out.addAll(framework("ISO/IEC 27001:2022", RuleDisplay::iso27001, displays, tally));
        out.addAll(framework("NIST SP 800-53 r5", RuleDisplay::nist80053, displays, tally));
        return out;
    }

    private static List<Line> framework(String name, Function<RuleDisplay, List<String>> controls,
                                        RuleDisplays displays, SummaryTally tally) {
        Map<String, TreeSet<String>> rulesByControl = new TreeMap<>();
        for (String rule : tally.rules()) {
            displays.of(rule).ifPresent(d -> controls.apply(d)
                    .forEach(c -> rulesByControl.computeIfAbsent(c, k -> new TreeSet<>()).add(rule)));
        }
        List<Line> lines = new ArrayList<>();
        rulesByControl.forEach((control, rules) -> {
            Map<Finding.Status, Long> counts = new EnumMap<>(Finding.Status.class);
            for (String rule : rules) {
                for (Finding.Status status : Finding.Status.values()) {
                    counts.merge(status, tally.count(rule, status), Long::sum);
                }
            }
            lines.add(new Line(name, control, rules.size(), counts));
        });
        return lines;
    }
}
