package io.iamaudit.analyze.rules;

import io.iamaudit.stage.Severity;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** No identity policy allows sts:AssumeRole on every role. */
public final class AssumeRoleAnyResourceRule extends WildcardResourceGrantRule {
    public AssumeRoleAnyResourceRule() {
        super(rule("IAM.POLICY.ASSUME_ROLE_ANY", "sts:AssumeRole is limited to specific roles", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("AssumeRole on * lets the principal become any role whose trust policy admits the "
                        + "account, including roles created later.")
                .remediation("List the role ARNs the principal needs in Resource.")
                .needs(AUTHORIZATION).build(), "sts:AssumeRole");
    }
}
