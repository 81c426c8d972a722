package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Roles trusting an account outside the organization require {@code sts:ExternalId} (third parties: the confused
 * deputy) or {@code aws:PrincipalOrgID}. Accounts listed in the context's organization ids are not external.
 */
public final class TrustExternalAccountRule extends BaseRule {
    private static final Set<String> REQUIRED = Set.of("sts:externalid", "aws:principalorgid", "aws:principalorgpaths");

    public TrustExternalAccountRule() {
        super(rule("IAM.ROLE.TRUST_EXTERNAL_UNCONDITIONED", "Cross-account trust outside the organization is "
                + "conditioned", Severity.HIGH)
                .wellArchitected("SEC03-BP07")
                .rationale("A third party that can assume a role without an external id can be tricked into "
                        + "acting for someone else (confused deputy).")
                .remediation("Add a Condition with sts:ExternalId (third parties) or aws:PrincipalOrgID.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        String own = s.account().accountId();
        return Evidence.auth(s).roles().stream().flatMap(r -> TrustPolicies.allowStatements(r).stream()
                        .filter(st -> !TrustPolicies.conditionUses(st, REQUIRED))
                        .flatMap(st -> external(st, own, ctx.organizationAccountIds()))
                        .distinct().map(acct -> violation(r, acct)))
                .toList();
    }

    private static Stream<String> external(Statement st, String own, Set<String> org) {
        return TrustPolicies.awsPrincipals(st).stream().map(TrustPolicies::accountOf).filter(Objects::nonNull)
                .filter(a -> !a.equals(own) && !org.contains(a));
    }

    private static Violation violation(IamRole r, String account) {
        return Violation.of("Role", r.roleName(), r.arn(), "trusts account " + account + " (outside the "
                + "organization) without sts:ExternalId or aws:PrincipalOrgID").withSubject(account);
    }
}
