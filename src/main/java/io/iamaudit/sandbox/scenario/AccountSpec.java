package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A member (or the management) account and its IAM content. {@code ou} names the parent OU by name or by
 * slash-separated path ({@code Workloads/Prod}); absent means directly under the root. {@code passwordPolicy} absent
 * means the account has none.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AccountSpec(String id, String name, String email, String state, String ou, String joinedMethod,
                          Integer joinedDaysAgo, Map<String, String> tags, RootSpec root,
                          PasswordPolicySpec passwordPolicy, List<UserSpec> users, List<GroupSpec> groups,
                          List<RoleSpec> roles, List<PolicySpec> policies, List<SamlProviderSpec> samlProviders,
                          List<OidcProviderSpec> oidcProviders, List<ServerCertificateSpec> serverCertificates) {

    public AccountSpec {
        state = state == null ? "ACTIVE" : state;
        joinedMethod = joinedMethod == null ? "CREATED" : joinedMethod;
        joinedDaysAgo = joinedDaysAgo == null ? 1000 : joinedDaysAgo;
        email = email == null && name != null ? name + "@example.com" : email;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        root = root == null ? new RootSpec(null, null, null, null) : root;
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
        roles = roles == null ? List.of() : List.copyOf(roles);
        policies = policies == null ? List.of() : List.copyOf(policies);
        samlProviders = samlProviders == null ? List.of() : List.copyOf(samlProviders);
        oidcProviders = oidcProviders == null ? List.of() : List.copyOf(oidcProviders);
        serverCertificates = serverCertificates == null ? List.of() : List.copyOf(serverCertificates);
    }
}
