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

/** Cloudsplaining's CredentialsExposure class, per principal: see {@link RiskClass#CREDENTIALS_EXPOSURE}. */
public final class CredentialsExposureRule extends BaseRule {
    public CredentialsExposureRule() {
        super(rule("IAM.PRINCIPAL.CREDENTIALS_EXPOSURE", "Principals cannot obtain credentials on every resource", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("These actions return keys, tokens or passwords in their response (ecr:GetAuthorizationToken, ec2:GetPasswordData, iam:CreateAccessKey, ...): whoever holds them can hand out access.")
                .remediation("Restrict these actions to named resources, or remove those not used in the window.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return RiskClassViolations.of(RiskClass.CREDENTIALS_EXPOSURE, s, ctx);
    }
}
