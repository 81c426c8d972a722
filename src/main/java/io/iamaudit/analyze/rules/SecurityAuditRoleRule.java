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

/**
 * At least one role has AWS's SecurityAudit policy, so incident responders and auditors can read the security
 * configuration without write access (Prowler iam_securityaudit_role_created).
 */
public final class SecurityAuditRoleRule extends BaseRule {
    static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";

    public SecurityAuditRoleRule() {
        super(rule("IAM.SECURITY_AUDIT.ROLE", "A SecurityAudit role exists for incident response", Severity.LOW)
                .wellArchitected("SEC03-BP02")
                .rationale("Responders investigating an incident need read access to the security configuration "
                        + "of the account without borrowing an administrator role.")
                .remediation("Create a role with the AWS managed SecurityAudit policy that the security team can "
                        + "assume.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        boolean present = Evidence.auth(s).roles().stream().flatMap(r -> r.attachedPolicies().stream())
                .anyMatch(p -> SECURITY_AUDIT.equals(p.policyArn()));
        return present ? List.of() : List.of(Evidence.account(s, "no role has SecurityAudit attached"));
    }
}
