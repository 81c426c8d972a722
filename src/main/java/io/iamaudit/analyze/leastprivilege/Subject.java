package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user or role as least privilege sees it.
 *
 * @param lastUsed RoleLastUsed for roles; {@code null} for users (their credential use comes from the report)
 */
record Subject(String type, String name, String arn, Instant createDate, Map<String, String> tags,
               EffectivePolicies policies, Instant lastUsed, boolean serviceLinked, boolean identityCenter,
               List<String> groups) {

    static Subject of(AuthorizationDetails auth, IamUser u) {
        return new Subject("User", u.userName(), u.arn(), u.createDate(), u.tags(),
                EffectivePolicies.forUser(auth, u), null, false, false, u.groups());
    }

    static Subject of(AuthorizationDetails auth, IamRole r) {
        return new Subject("Role", r.roleName(), r.arn(), r.createDate(), r.tags(), EffectivePolicies.forRole(auth, r),
                r.lastUsedDate(), r.serviceLinked(), r.identityCenterReserved(), List.of());
    }
}
