package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * The README's "add a rule" recipe, followed to the letter by a test-only rule: users named {@code temp-…} are
 * meant to be deleted after use. {@code NewRuleRecipeTest} registers it as {@link Rules#all()} would and checks
 * that it reaches the {@code rules} command and the reports with no change elsewhere.
 */
public final class TemporaryUserRule extends BaseRule {
    public static final String ID = "IAM.USER.TEMPORARY_NAME";

    public TemporaryUserRule() {
        super(rule(ID, "No users named as temporary", Severity.LOW)
                .wellArchitected("SEC02-BP05")
                .rationale("A user named temp- was meant to go away; one still present is forgotten access.")
                .remediation("Delete the user, or rename it after its owner and purpose.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).users().stream().filter(u -> u.userName().startsWith("temp-"))
                .map(u -> Violation.of("User", u.userName(), u.arn(), "user name starts with temp-"))
                .toList();
    }
}
