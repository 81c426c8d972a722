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

/** Cloudsplaining's DataExfiltration class, per principal: see {@link RiskClass#DATA_EXFILTRATION}. */
public final class DataExfiltrationRule extends BaseRule {
    public DataExfiltrationRule() {
        super(rule("IAM.PRINCIPAL.DATA_EXFILTRATION", "Principals cannot read data stores on every resource", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("Unrestricted s3:GetObject, ssm:GetParameter* and secretsmanager:GetSecretValue read every object, parameter and secret of the account, the usual path of data leaks.")
                .remediation("Name the buckets, parameters and secrets in Resource, or add conditions.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return RiskClassViolations.of(RiskClass.DATA_EXFILTRATION, s, ctx);
    }
}
