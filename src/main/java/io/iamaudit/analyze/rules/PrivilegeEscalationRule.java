package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.Violation;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Users and roles whose effective policies allow a published privilege-escalation path (Rhino Security Labs' list,
 * as used by Prowler and PMapper). Full administrators are left to IAM.POLICY.FULL_ADMIN: they need no path.
 */
public final class PrivilegeEscalationRule extends BaseRule {
    public PrivilegeEscalationRule() {
        super(rule("IAM.PRINCIPAL.PRIVILEGE_ESCALATION", "No privilege-escalation paths", Severity.HIGH)
                .wellArchitected("SEC03-BP02")
                .rationale("These combinations let a principal grant itself (or a role it controls) more "
                        + "permissions than it was given.")
                .remediation("Remove one action of each combination, or restrict its Resource to specific ARNs "
                        + "and add conditions (iam:PassedToService, permissions boundaries).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        AuthorizationDetails auth = Evidence.auth(s);
        Stream<Violation> users = auth.users().stream().flatMap(u -> paths(EffectivePolicies.forUser(auth, u))
                .map(p -> Violation.of("User", u.userName(), u.arn(), "allows " + p).withSubject(p)));
        Stream<Violation> roles = auth.roles().stream().filter(r -> !r.serviceLinked())
                .flatMap(r -> paths(EffectivePolicies.forRole(auth, r))
                        .map(p -> Violation.of("Role", r.roleName(), r.arn(), "allows " + p).withSubject(p)));
        return Stream.concat(users, roles).toList();
    }

    private static Stream<String> paths(EffectivePolicies policies) {
        if (Grants.isAdministrator(policies)) {
            return Stream.empty();
        }
        List<PolicyDocument> docs = Grants.documents(policies);
        return EscalationPaths.ALL.stream()
                .filter(path -> path.stream().allMatch(a -> Grants.allows(docs, a)))
                .map(path -> String.join(" + ", path));
    }
}
