package io.iamaudit.report;

import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleDisplay;
import io.iamaudit.analyze.RuleDisplays;
import io.iamaudit.analyze.RuleMetadata;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.FindingCount;
import io.iamaudit.stage.RuleOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Controls sheet as an auditor tests controls: one row per rule (id, control title, severity, framework
 * mappings), one column per account in scope saying PASS, FAIL (n), EXCEPTED (n) or NOT EVALUATED, and totals per
 * control. A rule whose findings in an account are all excepted reads EXCEPTED there, not FAIL and not PASS; an
 * account not audited reads NOT EVALUATED for every rule.
 */
final class ControlMatrix {
    static final String PASS = "PASS";
    static final String NOT_EVALUATED = "NOT EVALUATED";

    private ControlMatrix() {
    }

    /** One control: its cells by account id (in coverage order) and its totals. */
    record Row(String ruleId, String control, String severity, RuleDisplay display, String cis,
               Map<String, String> cells, long pass, long fail, long excepted, long notEvaluated, long failFindings) {
    }

    static List<Row> build(RuleCatalog catalog, RuleDisplays displays, List<AccountCoverage> coverage,
                           Stream<RuleOutcome> outcomes, Stream<Finding> findings) {
        return build(catalog, displays, coverage, outcomes, FindingCount.of(findings));
    }

    /** As above from the findings' counts per (rule, account, status), which the store can give without them. */
    static List<Row> build(RuleCatalog catalog, RuleDisplays displays, List<AccountCoverage> coverage,
                           Stream<RuleOutcome> outcomes, List<FindingCount> findings) {
        Map<String, RuleOutcome> outcomeByKey = new HashMap<>();
        TreeSet<String> extraRules = new TreeSet<>();
        outcomes.forEach(o -> {
            outcomeByKey.put(o.ruleId() + "|" + o.accountId(), o);
            if (catalog.rule(o.ruleId()).isEmpty()) {
                extraRules.add(o.ruleId());
            }
        });
        Map<String, long[]> counts = new HashMap<>(); // rule|account -> {fail, excepted}
        findings.forEach(f -> {
            if (catalog.rule(f.ruleId()).isEmpty()) {
                extraRules.add(f.ruleId());
            }
            long[] c = counts.computeIfAbsent(f.ruleId() + "|" + f.accountId(), k -> new long[2]);
            if (f.status() == Finding.Status.FAIL) {
                c[0] += f.count();
            } else if (f.status() == Finding.Status.EXCEPTED) {
                c[1] += f.count();
            }
        });
        List<Row> rows = new ArrayList<>();
        for (RuleMetadata m : catalog.metadata()) {
            rows.add(row(m.id(), displays.controlTitle(m.id(), m.title()), m.severity().name(),
                    displays.of(m.id()).orElse(null), m.cisText(), coverage, outcomeByKey, counts));
        }
        for (String rule : extraRules) { // a rule no longer in the catalog still shows what the run found
            rows.add(row(rule, rule, "", null, null, coverage, outcomeByKey, counts));
        }
        return rows;
    }

    private static Row row(String ruleId, String title, String severity, RuleDisplay display, String cis,
                           List<AccountCoverage> coverage, Map<String, RuleOutcome> outcomes,
                           Map<String, long[]> counts) {
        Map<String, String> cells = new LinkedHashMap<>();
        long pass = 0;
        long fail = 0;
        long excepted = 0;
        long notEvaluated = 0;
        long failFindings = 0;
        for (AccountCoverage account : coverage) {
            String key = ruleId + "|" + account.accountId();
            RuleOutcome outcome = outcomes.get(key);
            long[] c = counts.getOrDefault(key, new long[2]);
            String cell;
            // findings decide first: a FAIL finding is a failure whatever the outcome table says
            if (c[0] > 0) {
                cell = "FAIL (" + c[0] + ")";
                fail++;
                failFindings += c[0];
            } else if (c[1] > 0) {
                cell = "EXCEPTED (" + c[1] + ")";
                excepted++;
            } else if (outcome == null || outcome.outcome() == RuleOutcome.Outcome.NOT_EVALUATED) {
                cell = NOT_EVALUATED;
                notEvaluated++;
            } else if (outcome.outcome() == RuleOutcome.Outcome.FAIL) {
                // the outcome failed but no finding row says so: FAIL rather than PASS; the FAIL findings total
                // counts finding rows only, so it reconciles with the Findings sheet
                cell = "FAIL";
                fail++;
            } else {
                cell = PASS;
                pass++;
            }
            cells.put(account.accountId(), cell);
        }
        return new Row(ruleId, title, severity, display, cis, cells, pass, fail, excepted, notEvaluated, failFindings);
    }
}
