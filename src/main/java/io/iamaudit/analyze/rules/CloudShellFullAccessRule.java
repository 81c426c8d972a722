package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** AWSCloudShellFullAccess is attached to nobody (its file upload/download is a data-exfiltration path). */
public final class CloudShellFullAccessRule extends BaseRule {
    static final String POLICY = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

    public CloudShellFullAccessRule() {
        super(rule("IAM.POLICY.CLOUDSHELL_FULL_ACCESS", "AWSCloudShellFullAccess is not attached", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .cis("v3.0", "1.22").cis("v5.0", "1.21").cis("v6.0", "2.21").securityHub("IAM.27")
                .rationale("CloudShell full access includes file transfer in and out of the shell, a path around "
                        + "data-loss controls.")
                .remediation("Detach it; grant a custom CloudShell policy without upload/download if needed.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return PrincipalPolicies.all(Evidence.auth(s))
                .filter(p -> p.attached(POLICY))
                .map(p -> p.violation("AWSCloudShellFullAccess attached")).toList();
    }
}
