package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No role trusts any principal ({@code "*"}) without a condition that pins the caller's account, organization or
 * ARN.
 */
public final class TrustAnyPrincipalRule extends BaseRule {
    /** Condition keys that narrow "*" to known callers. */
    static final Set<String> NARROWING_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths",
            "aws:principalaccount", "aws:principalarn", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
            "sts:externalid");

    public TrustAnyPrincipalRule() {
        super(rule("IAM.ROLE.TRUST_ANY_PRINCIPAL", "No role can be assumed by anyone", Severity.CRITICAL)
                .wellArchitected("SEC03-BP07", "SEC03-BP02")
                .rationale("A trust policy with Principal \"*\" lets any AWS account in the world assume the role.")
                .remediation("Name the trusted accounts or roles, or add an aws:PrincipalOrgID condition.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).roles().stream()
                .filter(r -> TrustPolicies.allowStatements(r).stream()
                        .anyMatch(st -> TrustPolicies.awsPrincipals(st).contains("*")
                                && !TrustPolicies.conditionUses(st, NARROWING_KEYS)))
                .map(r -> Violation.of("Role", r.roleName(), r.arn(), "trust policy allows Principal * without an "
                        + "account, organization or ARN condition"))
                .toList();
    }
}
