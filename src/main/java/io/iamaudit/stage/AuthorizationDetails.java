package io.iamaudit.stage;

import java.util.List;
import java.util.Optional;

/** Everything GetAccountAuthorizationDetails returned for one account, across all pages. */
public record AuthorizationDetails(List<IamUser> users, List<IamGroup> groups, List<IamRole> roles,
                                   List<ManagedPolicy> policies) {
    public AuthorizationDetails {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
    }

    public Optional<ManagedPolicy> policy(String arn) {
        return policies.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    public Optional<IamGroup> group(String name) {
        return groups.stream().filter(g -> g.groupName().equals(name)).findFirst();
    }
}
