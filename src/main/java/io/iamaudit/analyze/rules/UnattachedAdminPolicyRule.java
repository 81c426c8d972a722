package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Customer managed policies granting {@code *} on {@code *} that nobody uses yet: one AttachUserPolicy away from a new
 * administrator, and invisible to rules that look at principals (Prowler
 * iam_customer_unattached_policy_no_administrative_privileges). Attached ones are IAM.POLICY.FULL_ADMIN.
 */
public final class UnattachedAdminPolicyRule extends BaseRule {
    public UnattachedAdminPolicyRule() {
        super(rule("IAM.POLICY.UNATTACHED_ADMIN", "No unattached customer policies grant full administrator",
                Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .securityHub("IAM.1")
                .rationale("An unused administrator policy is ready-made escalation for anyone who can attach "
                        + "policies, and it survives clean-ups that look at users and roles only.")
                .remediation("Delete the policy, or narrow it to the actions its future holder needs.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).policies().stream()
                .filter(p -> !p.awsManaged() && p.attachmentCount() == 0)
                .filter(p -> PolicySource.parse(p.defaultDocument()).map(Grants::isFullAdmin).orElse(false))
                .map(p -> Violation.of("Policy", p.policyName(), p.arn(), "attached to nothing, allows * on *"))
                .toList();
    }
}
