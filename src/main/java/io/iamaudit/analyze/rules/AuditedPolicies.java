package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.ManagedPolicy;

import java.util.stream.Stream;

/**
 * The policy documents the per-policy rules judge: every customer managed policy (an unattached one is one attachment
 * away), every AWS managed policy attached in the account except service-linked roles' own ({@code
 * /aws-service-role/}: AWS defines and holds them), and every inline policy of users, groups and roles. A managed
 * policy's violation names the policy; an inline policy's names its principal, with the policy as subject.
 */
final class AuditedPolicies {
    private AuditedPolicies() {
    }

    /** Applies the rule's verdict to each document; an empty answer is no violation. */
    static Stream<Violation> judge(AuthorizationDetails auth, PolicyVerdicts verdicts) {
        Stream<Violation> managed = auth.policies().stream().filter(AuditedPolicies::inScope)
                .flatMap(p -> verdicts.of(p.defaultDocument())
                        .map(g -> Violation.of("Policy", p.policyName(), p.arn(), g + " (attached "
                                + p.attachmentCount() + " time(s))")).stream());
        Stream<Violation> inline = PrincipalPolicies.all(auth).flatMap(pp -> pp.sources().stream()
                .filter(src -> !src.managed())
                .flatMap(src -> verdicts.of(src.document())
                        .map(g -> pp.violation(src.label() + " " + g).withSubject(src.name())).stream()));
        return Stream.concat(managed, inline).distinct();
    }

    static boolean inScope(ManagedPolicy p) {
        if (!p.awsManaged()) {
            return true;
        }
        return p.attachmentCount() > 0 && (p.path() == null || !p.path().startsWith("/aws-service-role/"));
    }
}
