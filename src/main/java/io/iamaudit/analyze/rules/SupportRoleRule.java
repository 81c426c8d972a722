package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** AWSSupportAccess is attached to at least one user, group or role, so incidents can be raised with AWS Support. */
public final class SupportRoleRule extends BaseRule {
    static final String SUPPORT_POLICY = "arn:aws:iam::aws:policy/AWSSupportAccess";

    public SupportRoleRule() {
        super(rule("IAM.SUPPORT.ROLE", "A support role exists", Severity.LOW)
                .wellArchitected("SEC03-BP02")
                .cis("v3.0", "1.17").cis("v5.0", "1.16").cis("v6.0", "2.16").securityHub("IAM.18")
                .rationale("During an incident someone must be able to open AWS Support cases without "
                        + "administrator rights.")
                .remediation("Create a role with AWSSupportAccess that the incident responders can assume.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        AuthorizationDetails a = Evidence.auth(s);
        boolean attached = Stream.of(a.users().stream().flatMap(u -> u.attachedPolicies().stream()),
                        a.groups().stream().flatMap(g -> g.attachedPolicies().stream()),
                        a.roles().stream().flatMap(r -> r.attachedPolicies().stream()))
                .flatMap(x -> x).map(AttachedPolicy::policyArn).anyMatch(SUPPORT_POLICY::equals);
        return attached ? List.of() : List.of(Evidence.account(s, "AWSSupportAccess is attached to no user, "
                + "group or role"));
    }
}
