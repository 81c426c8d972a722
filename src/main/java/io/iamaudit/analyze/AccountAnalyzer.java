package io.iamaudit.analyze;

import io.iamaudit.analyze.leastprivilege.LeastPrivilegeEngine;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.RuleOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysis facade: every rule of the catalog over one account's snapshot, exceptions applied, plus the
 * least-privilege recommendations. Pure: same snapshot and context, same result; thread-safe.
 */
public final class AccountAnalyzer {

    private final RuleCatalog catalog;
    private final LeastPrivilegeEngine leastPrivilege;

    public AccountAnalyzer() {
        this(RuleCatalog.standard(), new LeastPrivilegeEngine());
    }

    public AccountAnalyzer(RuleCatalog catalog, LeastPrivilegeEngine leastPrivilege) {
        this.catalog = catalog;
        this.leastPrivilege = leastPrivilege;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public AccountAnalysis analyze(AccountSnapshot snapshot, AnalysisContext ctx) {
        List<Finding> findings = new ArrayList<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        String accountId = snapshot.account().accountId();
        for (Rule rule : catalog.rules()) {
            RuleResult result = evaluate(rule, snapshot, ctx);
            FindingFactory factory = new FindingFactory(snapshot, ctx, rule.metadata());
            if (result instanceof RuleResult.NotEvaluated ne) {
                String note = "not evaluated: " + ne.missing().name().toLowerCase() + " unavailable: " + ne.error();
                findings.add(factory.notEvaluated(note));
                outcomes.add(new RuleOutcome(ctx.runId(), accountId, rule.id(), RuleOutcome.Outcome.NOT_EVALUATED, 0,
                        note));
            } else if (result instanceof RuleResult.Evaluated ev) {
                List<Finding> ruleFindings = ev.violations().stream()
                        .map(v -> ctx.exceptions().apply(factory.fail(v), ctx.today())).toList();
                findings.addAll(ruleFindings);
                outcomes.add(outcome(ctx, accountId, rule, ruleFindings));
            }
        }
        return new AccountAnalysis(accountId, findings, outcomes, leastPrivilege.recommend(snapshot, ctx));
    }

    private static RuleResult evaluate(Rule rule, AccountSnapshot snapshot, AnalysisContext ctx) {
        try {
            return rule.evaluate(snapshot, ctx);
        } catch (RuntimeException e) {
            return new RuleResult.NotEvaluated(rule.metadata().dataSets().iterator().next(),
                    "rule failed on this snapshot: " + e);
        }
    }

    private static RuleOutcome outcome(AnalysisContext ctx, String accountId, Rule rule, List<Finding> findings) {
        long failed = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
        long excepted = findings.size() - failed;
        String note = excepted > 0 ? excepted + " finding(s) excepted" : null;
        return new RuleOutcome(ctx.runId(), accountId, rule.id(),
                failed > 0 ? RuleOutcome.Outcome.FAIL : RuleOutcome.Outcome.PASS, (int) failed, note);
    }
}
