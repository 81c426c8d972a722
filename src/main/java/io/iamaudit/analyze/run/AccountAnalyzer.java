package io.iamaudit.analyze.run;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.FindingFactory;
import io.iamaudit.analyze.Rule;
import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.rules.Rules;

import io.iamaudit.analyze.leastprivilege.LeastPrivilegeEngine;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.RuleOutcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysis facade: every rule of the catalog over one account's snapshot, exceptions applied, plus the
 * least-privilege recommendations. Pure: same snapshot and context, same result; thread-safe.
 */
public final class AccountAnalyzer {

    private static final Logger log = LoggerFactory.getLogger(AccountAnalyzer.class);

    private final RuleCatalog catalog;
    private final LeastPrivilegeEngine leastPrivilege;

    public AccountAnalyzer() {
        this(Rules.catalog(), new LeastPrivilegeEngine());
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
            RuleResult result;
            try {
                result = rule.evaluate(snapshot, ctx);
            } catch (RuntimeException e) {
                // a bug or a snapshot the rule did not foresee: this rule and account only, never a silent pass
                String note = "not evaluated: rule error: " + oneLine(e);
                log.warn("rule {} failed on account {}: {}", rule.id(), accountId, oneLine(e));
                findings.add(new FindingFactory(snapshot, ctx, rule.metadata()).notEvaluated(note));
                outcomes.add(new RuleOutcome(ctx.runId(), accountId, rule.id(), RuleOutcome.Outcome.RULE_ERROR, 0,
                        note));
                continue;
            }
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

    private static String oneLine(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    private static RuleOutcome outcome(AnalysisContext ctx, String accountId, Rule rule, List<Finding> findings) {
        long failed = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
        long excepted = findings.size() - failed;
        String note = excepted > 0 ? excepted + " finding(s) excepted" : null;
        return new RuleOutcome(ctx.runId(), accountId, rule.id(),
                failed > 0 ? RuleOutcome.Outcome.FAIL : RuleOutcome.Outcome.PASS, (int) failed, note);
    }
}
