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
 */
record PrincipalPolicies(String type, String name, String arn, List<PolicySource> sources) {

    static Stream<PrincipalPolicies> all(AuthorizationDetails auth) {
        Stream<PrincipalPolicies> users = auth.users().stream().map(u -> new PrincipalPolicies("User", u.userName(),
                u.arn(), direct(EffectivePolicies.forUser(auth, u))));
        Stream<PrincipalPolicies> groups = auth.groups().stream().map(g -> new PrincipalPolicies("Group",
                g.groupName(), g.arn(), EffectivePolicies.forGroup(auth, g).sources()));
        Stream<PrincipalPolicies> roles = auth.roles().stream().filter(r -> !r.serviceLinked())
                .map(r -> new PrincipalPolicies("Role", r.roleName(), r.arn(),
                        EffectivePolicies.forRole(auth, r).sources()));
        return Stream.of(users, groups, roles).flatMap(s -> s);
    }

    private static List<PolicySource> direct(EffectivePolicies p) {
        return p.sources().stream().filter(s -> s.attachment() != PolicySource.Attachment.GROUP).toList();
    }

    Violation violation(String evidence) {
        return Violation.of(type, name, arn, evidence);
    }
}
