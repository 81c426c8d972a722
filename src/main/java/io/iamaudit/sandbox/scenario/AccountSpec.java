package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A member (or the management) account and its IAM content. {@code ou} names the parent OU by name or by
 * slash-separated path ({@code Workloads/Prod}); absent means directly under the root. {@code passwordPolicy} absent
 * means the account has none. {@code regions} are the regions enabled in the account (default us-east-1, plus every
 * region a secret lives in); {@code disabledRegions} are listed by ListRegions as DISABLED, like an opt-in region.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AccountSpec(String id, String name, String email, String state, String ou, String joinedMethod,
                          Integer joinedDaysAgo, Map<String, String> tags, RootSpec root,
                          PasswordPolicySpec passwordPolicy, List<UserSpec> users, List<GroupSpec> groups,
                          List<RoleSpec> roles, List<PolicySpec> policies, List<SamlProviderSpec> samlProviders,
                          List<OidcProviderSpec> oidcProviders, List<ServerCertificateSpec> serverCertificates,
                          List<String> regions, List<String> disabledRegions, List<SecretSpec> secrets) {

    /** An account without regional content: us-east-1 enabled, no secrets. */
    public AccountSpec(String id, String name, String email, String state, String ou, String joinedMethod,
                       Integer joinedDaysAgo, Map<String, String> tags, RootSpec root,
                       PasswordPolicySpec passwordPolicy, List<UserSpec> users, List<GroupSpec> groups,
                       List<RoleSpec> roles, List<PolicySpec> policies, List<SamlProviderSpec> samlProviders,
                       List<OidcProviderSpec> oidcProviders, List<ServerCertificateSpec> serverCertificates) {
        this(id, name, email, state, ou, joinedMethod, joinedDaysAgo, tags, root, passwordPolicy, users, groups, roles,
                policies, samlProviders, oidcProviders, serverCertificates, null, null, null);
    }

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
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        java.util.LinkedHashSet<String> enabled = new java.util.LinkedHashSet<>(
                regions == null || regions.isEmpty() ? List.of("us-east-1") : regions);
        secrets.forEach(s -> enabled.add(s.region()));
        regions = List.copyOf(enabled);
        disabledRegions = disabledRegions == null ? List.of() : List.copyOf(disabledRegions);
    }
}
