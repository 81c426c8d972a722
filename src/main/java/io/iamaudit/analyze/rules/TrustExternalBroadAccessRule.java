package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Roles that an account outside the organization may assume and that grant ReadOnlyAccess (which reads data, S3
 * objects and DynamoDB items included, not only configuration) or administrator access. An ExternalId protects
 * against a confused deputy, not against the third party itself, so it does not silence this rule.
 */
public final class TrustExternalBroadAccessRule extends BaseRule {
    static final String READ_ONLY_ACCESS = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final Set<String> EXTERNAL_ID = Set.of("sts:externalid");

    public TrustExternalBroadAccessRule() {
        super(rule("IAM.ROLE.TRUST_EXTERNAL_BROAD_ACCESS", "External accounts are not trusted with ReadOnlyAccess "
                + "or administrator access", Severity.HIGH)
                .wellArchitected("SEC03-BP07", "SEC03-BP02")
                .rationale("ReadOnlyAccess reads the data of every service; a third party rarely needs more than "
                        + "SecurityAudit or ViewOnlyAccess, and never administrator access.")
                .remediation("Replace ReadOnlyAccess with SecurityAudit or ViewOnlyAccess (or a policy naming what "
                        + "the vendor needs), and never trust an external account with administrator access.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        AuthorizationDetails auth = Evidence.auth(s);
        String own = s.account().accountId();
        return auth.roles().stream().filter(r -> !r.serviceLinked()).flatMap(r -> broadAccess(auth, r).stream()
                .flatMap(access -> TrustPolicies.allowStatements(r).stream().flatMap(st ->
                        TrustPolicies.awsPrincipals(st).stream().map(TrustPolicies::accountOf)
                                .filter(Objects::nonNull)
                                .filter(a -> !a.equals(own) && !ctx.organizationAccountIds().contains(a))
                                .map(a -> violation(r, a, access, TrustPolicies.conditionUses(st, EXTERNAL_ID))))))
                .distinct().toList();
    }

    private static Optional<String> broadAccess(AuthorizationDetails auth, IamRole r) {
        EffectivePolicies policies = EffectivePolicies.forRole(auth, r);
        if (Grants.isAdministrator(policies)) {
            return Optional.of("administrator access");
        }
        boolean readOnly = r.attachedPolicies().stream().anyMatch(p -> READ_ONLY_ACCESS.equals(p.policyArn()));
        return readOnly ? Optional.of("ReadOnlyAccess") : Optional.empty();
    }

    private static Violation violation(IamRole r, String account, String access, boolean externalId) {
        return Violation.of("Role", r.roleName(), r.arn(), "account " + account + " (outside the organization) can "
                + "assume this role with " + access + (externalId ? " (with an ExternalId)" : ""))
                .withSubject(account);
    }
}
