package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AuthorizationDetails;

import java.util.List;
import java.util.stream.Stream;

/**
 * A principal with the policies attached to it directly (users without their groups: each group is a principal of
 * its own here, so a group policy is reported once, on the group).
 *
 * @param missing managed policy ARNs attached but without a collected document
 */
record PrincipalPolicies(String type, String name, String arn, List<PolicySource> sources, List<String> missing) {

    static Stream<PrincipalPolicies> all(AuthorizationDetails auth) {
        Stream<PrincipalPolicies> users = auth.users().stream().map(u -> of("User", u.userName(), u.arn(),
                EffectivePolicies.forUserWithoutGroups(auth, u)));
        Stream<PrincipalPolicies> groups = auth.groups().stream().map(g -> of("Group", g.groupName(), g.arn(),
                EffectivePolicies.forGroup(auth, g)));
        Stream<PrincipalPolicies> roles = auth.roles().stream().filter(r -> !r.serviceLinked())
                .map(r -> of("Role", r.roleName(), r.arn(), EffectivePolicies.forRole(auth, r)));
        return Stream.of(users, groups, roles).flatMap(s -> s);
    }

    private static PrincipalPolicies of(String type, String name, String arn, EffectivePolicies p) {
        return new PrincipalPolicies(type, name, arn, p.sources(), p.missing());
    }

    /** Whether a managed policy is attached, whether or not its document was collected. */
    boolean attached(String policyArn) {
        return missing.contains(policyArn) || sources.stream().anyMatch(s -> policyArn.equals(s.arn()));
    }

    Violation violation(String evidence) {
        return Violation.of(type, name, arn, evidence);
    }
}
