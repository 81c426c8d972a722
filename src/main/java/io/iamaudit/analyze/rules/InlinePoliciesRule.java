package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Roles and groups use managed rather than inline policies (ScoutSuite's iam-role-with-inline-policies and
 * iam-group-with-inline-policies; users are covered by IAM.USER.DIRECT_POLICIES). Service-linked roles are AWS's.
 */
public final class InlinePoliciesRule extends BaseRule {
    public InlinePoliciesRule() {
        super(rule("IAM.PRINCIPAL.INLINE_POLICIES", "Roles and groups use managed policies", Severity.INFORMATIONAL)
                .wellArchitected("SEC03-BP02")
                .rationale("Inline policies are invisible in policy listings, cannot be versioned or reused, and "
                        + "escape reviews of managed policies.")
                .remediation("Turn the inline policy into a customer managed policy and attach it.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Stream<Violation> roles = Evidence.auth(s).roles().stream()
                .filter(r -> !r.serviceLinked() && !r.inlinePolicies().isEmpty())
                .map(r -> Violation.of("Role", r.roleName(), r.arn(), names(r.inlinePolicies())));
        Stream<Violation> groups = Evidence.auth(s).groups().stream().filter(g -> !g.inlinePolicies().isEmpty())
                .map(g -> Violation.of("Group", g.groupName(), g.arn(), names(g.inlinePolicies())));
        return Stream.concat(roles, groups).toList();
    }

    private static String names(List<InlinePolicy> policies) {
        return "inline: " + String.join(", ", policies.stream().map(InlinePolicy::policyName).toList());
    }
}
