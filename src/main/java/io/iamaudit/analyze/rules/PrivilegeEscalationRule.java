package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Users and roles whose effective permissions open a privilege-escalation path of the catalog
 * ({@code policy/escalation-paths.yaml}) on every resource. Paths confined to specific resources are
 * IAM.PRINCIPAL.PRIVILEGE_ESCALATION_CONFINED; full administrators are left to IAM.POLICY.FULL_ADMIN: they need no path.
 */
public final class PrivilegeEscalationRule extends BaseRule {
    public PrivilegeEscalationRule() {
        super(rule("IAM.PRINCIPAL.PRIVILEGE_ESCALATION", "No privilege-escalation paths", Severity.HIGH)
                .wellArchitected("SEC03-BP02")
                .rationale("These combinations let a principal grant itself (or a role it controls) more "
                        + "permissions than it was given. The catalog is the union of Rhino Security Labs' 21 "
                        + "methods, Bishop Fox iam-vulnerable and pathfinding.cloud.")
                .remediation("Remove one action of each combination, or restrict its Resource to specific ARNs "
                        + "and add conditions (iam:PassedToService, permissions boundaries).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return EscalationViolations.of(s, ctx, false);
    }
}
