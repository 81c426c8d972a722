package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No policy granting {@code *} on {@code *} is attached to a user, group or role: AWS managed AdministratorAccess
 * and customer or inline policies alike. One violation per principal and policy.
 */
public final class FullAdminPolicyRule extends BaseRule {
    public FullAdminPolicyRule() {
        super(rule("IAM.POLICY.FULL_ADMIN", "No full-administrator policies attached", Severity.HIGH)
                .wellArchitected("SEC03-BP02")
                .cis("v3.0", "1.16").cis("v5.0", "1.15").cis("v6.0", "2.15").securityHub("IAM.1")
                .rationale("\"*\" on \"*\" is every permission AWS will ever add; nothing is least privilege.")
                .remediation("Replace by the permissions actually needed (see the least-privilege sheet); keep "
                        + "administrator access for break-glass roles behind MFA.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return PrincipalPolicies.all(Evidence.auth(s)).flatMap(p -> Stream.concat(p.sources().stream()
                        .filter(PolicyChecks::grantsFullAdmin)
                        .map(src -> p.violation("attached: " + src.label() + " (Allow * on *)").withSubject(src.label())),
                p.missing().stream().filter(Grants.ADMINISTRATOR_ACCESS::equals)
                        .map(arn -> p.violation("attached: managed AdministratorAccess (document not collected)")
                                .withSubject("managed AdministratorAccess"))))
                .toList();
    }
}
