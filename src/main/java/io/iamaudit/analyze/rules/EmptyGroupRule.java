package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Groups have members (ScoutSuite's iam-group-with-no-users): an empty group with policies is a loaded gun. */
public final class EmptyGroupRule extends BaseRule {
    public EmptyGroupRule() {
        super(rule("IAM.GROUP.EMPTY", "Groups have members", Severity.INFORMATIONAL)
                .wellArchitected("SEC02-BP06")
                .rationale("Unused groups clutter reviews, and their policies apply to whoever is added next.")
                .remediation("Delete the group, or document why it is kept.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Set<String> used = Evidence.auth(s).users().stream().map(IamUser::groups).flatMap(List::stream)
                .collect(Collectors.toSet());
        return Evidence.auth(s).groups().stream().filter(g -> !used.contains(g.groupName()))
                .map(g -> Violation.of("Group", g.groupName(), g.arn(), "no members; "
                        + (g.attachedPolicies().size() + g.inlinePolicies().size()) + " policy(ies)"))
                .toList();
    }
}
