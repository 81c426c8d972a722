package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.Severity;

import java.util.ArrayList;
import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Users receive permissions only through groups: no managed or inline policy on the user itself. */
public final class UserDirectPoliciesRule extends BaseRule {
    public UserDirectPoliciesRule() {
        super(rule("IAM.USER.DIRECT_POLICIES", "Users get permissions only through groups", Severity.LOW)
                .wellArchitected("SEC02-BP06", "SEC03-BP02")
                .cis("v3.0", "1.15").cis("v5.0", "1.14").cis("v6.0", "2.14")
                .securityHub("IAM.2")
                .rationale("Per-user grants drift apart and are missed when people change roles.")
                .remediation("Move the policies to a group (or a role) and add the user to it.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).users().stream()
                .filter(u -> !u.attachedPolicies().isEmpty() || !u.inlinePolicies().isEmpty())
                .map(u -> Violation.of("User", u.userName(), u.arn(), describe(u))).toList();
    }

    private static String describe(IamUser u) {
        List<String> parts = new ArrayList<>();
        u.attachedPolicies().forEach(p -> parts.add("managed " + p.policyName()));
        u.inlinePolicies().forEach(p -> parts.add("inline " + p.policyName()));
        return "attached directly: " + String.join(", ", parts);
    }
}
