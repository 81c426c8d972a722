package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.PolicyRiskActions;
import io.iamaudit.analyze.risk.RiskClass;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Cloudsplaining's infrastructure-modification class per policy document: Write, Permissions management and Tagging
 * actions allowed on {@code "*"} that the action model marks resource-scoped, so they could have named resources.
 * Actions AWS authorizes only on {@code "*"} (all of {@code support:*}, for one) are left out:
 * nothing narrower can be written for them. LOW: writes on * are common and most are routine (an ECS deploy role
 * updating services); the classes that read data or credentials are the MEDIUM ones.
 */
public final class InfrastructureModificationRule extends BaseRule {
    private static final PolicyVerdicts VERDICTS = new PolicyVerdicts(InfrastructureModificationRule::writes);

    public InfrastructureModificationRule() {
        super(rule("IAM.POLICY.INFRASTRUCTURE_MODIFICATION", "Policies name the resources they let principals modify",
                Severity.LOW)
                .wellArchitected("SEC03-BP02")
                .rationale("Write actions on \"*\" let a principal change every resource of the kind in the account, "
                        + "where it needs a few; each of these actions supports naming resources.")
                .remediation("Name the resources (ARNs, or tag conditions) the writes are for.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return AuditedPolicies.judge(Evidence.auth(s), VERDICTS).toList();
    }

    static Optional<String> writes(PolicyDocument doc) {
        if (Grants.isFullAdmin(doc)) {
            return Optional.empty();
        }
        ActionCatalog catalog = ActionCatalog.bundled();
        Set<String> actions = new TreeSet<>(PolicyRiskActions.of(RiskClass.INFRASTRUCTURE_MODIFICATION, doc, catalog));
        actions.removeIf(a -> !catalog.resourceScoped(a));
        String d = PolicyRiskClassesRule.describe(RiskClass.INFRASTRUCTURE_MODIFICATION, actions);
        return d.isEmpty() ? Optional.empty() : Optional.of(d);
    }
}
