package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Customer managed policies do not grant all of KMS or CloudTrail (Prowler's iam_policy_no_full_access_to_kms and
 * _cloudtrail): whoever holds them can decrypt everything, or switch off the audit trail.
 */
public final class CriticalServiceFullAccessRule extends BaseRule {
    static final Set<String> CRITICAL = Set.of("kms:*", "cloudtrail:*");

    public CriticalServiceFullAccessRule() {
        super(rule("IAM.POLICY.CRITICAL_SERVICE_FULL_ACCESS", "No customer policy grants kms:* or cloudtrail:*",
                Severity.HIGH)
                .wellArchitected("SEC03-BP02")
                .rationale("kms:* includes scheduling key deletion and changing key policies; cloudtrail:* "
                        + "includes stopping and deleting trails.")
                .remediation("Grant only the KMS or CloudTrail actions needed, on named keys or trails.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).policies().stream().filter(p -> !p.awsManaged())
                .flatMap(p -> ServiceWildcardRule.parse(p).stream().map(doc -> doc.allows().stream()
                                .filter(st -> !st.notAction()).flatMap(st -> st.actions().stream())
                                .map(ActionPattern::text).filter(a -> CRITICAL.contains(a.toLowerCase()))
                                .distinct().toList())
                        .filter(found -> !found.isEmpty())
                        .map(found -> Violation.of("Policy", p.policyName(), p.arn(), "allows "
                                + String.join(", ", found))))
                .toList();
    }
}
