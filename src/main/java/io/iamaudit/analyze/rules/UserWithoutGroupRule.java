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

/** Every IAM user belongs to at least one group (ScoutSuite's iam-user-not-in-group). */
public final class UserWithoutGroupRule extends BaseRule {
    public UserWithoutGroupRule() {
        super(rule("IAM.USER.NO_GROUP", "Users belong to a group", Severity.LOW)
                .wellArchitected("SEC02-BP06")
                .rationale("Group membership is how a user's job function shows in IAM; a user in no group is "
                        + "either unused or permissioned one-off.")
                .remediation("Add the user to the group of its job function, or delete it.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).users().stream().filter(u -> u.groups().isEmpty())
                .map(u -> Violation.of("User", u.userName(), u.arn(), "member of no group")).toList();
    }
}
