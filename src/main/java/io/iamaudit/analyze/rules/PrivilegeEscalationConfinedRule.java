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
 * Privilege-escalation paths whose actions are granted only on specific resources: the path is open if one of those
 * resources is the privileged one (a role passed, a function whose code is replaced), so it is worth a review but
 * less urgent than a path open on every resource.
 */
public final class PrivilegeEscalationConfinedRule extends BaseRule {
    public PrivilegeEscalationConfinedRule() {
        super(rule("IAM.PRINCIPAL.PRIVILEGE_ESCALATION_CONFINED",
                "No privilege-escalation paths on specific resources", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("An escalation path confined to named resources is open when one of them is more "
                        + "privileged than the principal: passing an administrator role, or editing the code of a "
                        + "function that runs as one.")
                .remediation("Check that every named resource is no more privileged than the principal itself; "
                        + "otherwise remove the action or narrow it further.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return EscalationViolations.of(s, ctx, true);
    }
}
