package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.RiskClass;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Cloudsplaining's ResourceExposure class, per principal: see {@link RiskClass#RESOURCE_EXPOSURE}. */
public final class ResourceExposureRule extends BaseRule {
    public ResourceExposureRule() {
        super(rule("IAM.PRINCIPAL.RESOURCE_EXPOSURE", "Principals cannot change resource policies on every resource", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("Permissions-management actions (s3:PutBucketPolicy, kms:PutKeyPolicy, lambda:AddPermission, ram:CreateResourceShare, ...) can expose a resource to other accounts or the public.")
                .remediation("Restrict permissions-management actions to named resources, or leave them to an administrator role.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return RiskClassViolations.of(RiskClass.RESOURCE_EXPOSURE, s, ctx);
    }
}
