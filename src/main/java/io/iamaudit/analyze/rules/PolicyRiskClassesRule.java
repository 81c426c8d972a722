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
import java.util.stream.Collectors;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Cloudsplaining's data-exfiltration, credentials-exposure and resource-exposure classes per policy document
 * (customer, inline, attached AWS managed), as Cloudsplaining reports them: a policy's risk wherever it is attached,
 * beside the per-principal rules that apply Deny and boundaries. Full-administrator documents are left to
 * IAM.POLICY.FULL_ADMIN. MEDIUM like the per-principal classes.
 */
public final class PolicyRiskClassesRule extends BaseRule {
    private static final PolicyVerdicts VERDICTS = new PolicyVerdicts(PolicyRiskClassesRule::classes);

    static final List<RiskClass> CLASSES = List.of(RiskClass.DATA_EXFILTRATION, RiskClass.CREDENTIALS_EXPOSURE,
            RiskClass.RESOURCE_EXPOSURE);

    public PolicyRiskClassesRule() {
        super(rule("IAM.POLICY.RISK_CLASSES", "Policies do not allow data exfiltration, credentials exposure or "
                + "resource exposure on every resource", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("A policy allowing s3:GetObject or secretsmanager:GetSecretValue, credential-returning "
                        + "actions or resource-policy changes on \"*\" hands that risk to every principal it is "
                        + "attached to, now or later.")
                .remediation("Name the buckets, secrets, parameters and resources in Resource, or add conditions; "
                        + "replace broad AWS managed policies with customer policies of the actions needed.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return AuditedPolicies.judge(Evidence.auth(s), VERDICTS).toList();
    }

    static Optional<String> classes(PolicyDocument doc) {
        if (Grants.isFullAdmin(doc)) {
            return Optional.empty();
        }
        String found = CLASSES.stream().map(c -> describe(c, PolicyRiskActions.of(c, doc, ActionCatalog.bundled())))
                .filter(d -> !d.isEmpty()).collect(Collectors.joining("; "));
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    static String describe(RiskClass risk, Set<String> actions) {
        if (actions.isEmpty()) {
            return "";
        }
        String listed = actions.stream().limit(RiskClassViolations.LISTED).collect(Collectors.joining(", "));
        return risk.label() + ": " + actions.size() + " action(s) on every resource: " + listed
                + (actions.size() > RiskClassViolations.LISTED ? ", ..." : "");
    }
}
