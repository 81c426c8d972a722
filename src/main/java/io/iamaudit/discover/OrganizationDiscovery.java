package io.iamaudit.discover;

import io.iamaudit.stage.AccountRef;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discovers every account of the organization with its OU path of names, by walking the tree from the roots
 * (one ListAccountsForParent and one ListOrganizationalUnitsForParent per OU instead of one ListParents per account).
 * Every account is returned: the ones not to audit carry the reason.
 *
 * <p>Tags are read ({@code ListTagsForResource}, one call per account on the organization's shared 5/s quota) only
 * when the filter selects by tag, or when a rule needs them (the regulated-data tag of the secrets' key rule, a
 * setting that is off by default): no report shows an account's tags, and at 800 accounts the calls were 160 s of
 * discovery that every account's collection waited for. Otherwise {@link AccountRef#tags()} is empty.
 */
public final class OrganizationDiscovery {

    private final OrganizationsClient organizations;
    private final boolean tagsRead;

    public OrganizationDiscovery(OrganizationsClient organizations) {
        this(organizations, false);
    }

    /** @param tagsRead whether every ACTIVE account's tags are read, filter or not (a rule needs them) */
    public OrganizationDiscovery(OrganizationsClient organizations, boolean tagsRead) {
        this.organizations = organizations;
        this.tagsRead = tagsRead;
    }

    public DiscoveryResult discover(AccountFilter filter) {
        Organization organization = organizations.describeOrganization().organization();
        List<DiscoveredAccount> accounts = new ArrayList<>();
        Deque<Parent> parents = new ArrayDeque<>();
        for (Root root : organizations.listRootsPaginator().stream().flatMap(p -> p.roots().stream()).toList()) {
            parents.add(new Parent(root.id(), root.name() == null ? "Root" : root.name(), List.of(root.id())));
        }
        while (!parents.isEmpty()) {
            Parent parent = parents.poll();
            for (Account account : organizations.listAccountsForParentPaginator(r -> r.parentId(parent.id()))
                    .stream().flatMap(p -> p.accounts().stream()).toList()) {
                accounts.add(discovered(account, parent, filter));
            }
            for (OrganizationalUnit ou : organizations.listOrganizationalUnitsForParentPaginator(
                    r -> r.parentId(parent.id())).stream().flatMap(p -> p.organizationalUnits().stream()).toList()) {
                List<String> ids = new ArrayList<>(parent.ids());
                ids.add(ou.id());
                parents.add(new Parent(ou.id(), parent.path() + "/" + ou.name(), ids));
            }
        }
        return new DiscoveryResult(organization.id(), organization.masterAccountId(), accounts);
    }

    private DiscoveredAccount discovered(Account account, Parent parent, AccountFilter filter) {
        String state = state(account);
        // a suspended account is skipped whatever its tags say
        Map<String, String> tags = (filter.selectsByTag() || tagsRead) && "ACTIVE".equals(state) ? tags(account.id())
                : Map.of();
        AccountRef ref = new AccountRef(account.id(), account.name(), account.email(), state, parent.path(), tags);
        if (!"ACTIVE".equals(state)) {
            return new DiscoveredAccount(ref, "account " + state);
        }
        Optional<String> excluded = filter.exclusionReason(account.id(), parent.path(), parent.ids(), tags);
        return new DiscoveredAccount(ref, excluded.orElse(null));
    }

    /** {@code State} is the current field; {@code Status} is retired in September 2026 but older look-alikes send only it. */
    static String state(Account account) {
        if (account.stateAsString() != null) {
            return account.stateAsString();
        }
        return account.statusAsString() == null ? "UNKNOWN" : account.statusAsString();
    }

    private Map<String, String> tags(String accountId) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : organizations.listTagsForResourcePaginator(r -> r.resourceId(accountId)).tags()) {
            tags.put(tag.key(), tag.value());
        }
        return tags;
    }

    /** A root or OU still to walk: its id, its path of names, and the ids from the root down to it. */
    private record Parent(String id, String path, List<String> ids) {
    }
}
