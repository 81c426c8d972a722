package io.iamaudit.analyze.rules;

import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** No identity policy allows iam:PassRole on every role. */
public final class PassRoleAnyResourceRule extends WildcardResourceGrantRule {
    public PassRoleAnyResourceRule() {
        super(rule("IAM.POLICY.PASS_ROLE_ANY", "iam:PassRole is limited to specific roles", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("PassRole on * lets the principal hand any role, including administrators, to a "
                        + "service it controls.")
                .remediation("Restrict Resource to the role ARNs and add an iam:PassedToService condition.")
                .needs(AUTHORIZATION).build(), "iam:PassRole");
    }
}
