package io.iamaudit.discover;

import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MotoServerExtension.class)
class OrganizationDiscoveryMotoTest {

    @Test
    void recordsEveryAccountWithItsOuPathAndWhySomeAreSkipped(MotoServer moto) {
        try (AwsClientFactory factory = MotoWorld.factory(moto);
             AccountSession setup = AccountSession.direct(factory, MotoWorld.MANAGEMENT_ACCOUNT);
             AccountSession management = AccountSession.direct(factory, MotoWorld.MANAGEMENT_ACCOUNT)) {
            // given Root/Workloads/Prod, Root/Workloads, Root/Sandbox, one suspended and one tagged account
            OrganizationsClient orgs = setup.clients().organizations();
            orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
            String root = orgs.listRoots().roots().get(0).id();
            String workloads = ou(orgs, root, "Workloads");
            String prod = ou(orgs, workloads, "Prod");
            String sandbox = ou(orgs, root, "Sandbox");
            String prodAccount = account(orgs, "prod", prod, Map.of());
            String devAccount = account(orgs, "dev", workloads, Map.of("team", "platform"));
            String playAccount = account(orgs, "play", sandbox, Map.of("env", "sandbox"));
            String closedAccount = account(orgs, "closed", workloads, Map.of());
            orgs.closeAccount(r -> r.accountId(closedAccount));

            // when
            AccountFilter skipSandboxes = new AccountFilter(null, null, null, null, null, Map.of("env", "sandbox"));
            DiscoveryResult result = new OrganizationDiscovery(management.clients().organizations())
                    .discover(skipSandboxes);

            // then every account is there, skipped ones with the reason
            assertThat(result.organizationId()).startsWith("o-");
            assertThat(result.managementAccountId()).isEqualTo(MotoWorld.MANAGEMENT_ACCOUNT);
            Map<String, DiscoveredAccount> byId = result.accounts().stream()
                    .collect(Collectors.toMap(a -> a.account().accountId(), a -> a));
            assertThat(byId.keySet()).contains(prodAccount, devAccount, playAccount, closedAccount,
                    MotoWorld.MANAGEMENT_ACCOUNT);
            assertThat(byId.get(prodAccount).account().ouPath()).isEqualTo("Root/Workloads/Prod");
            assertThat(byId.get(prodAccount).audited()).isTrue();
            assertThat(byId.get(devAccount).account().ouPath()).isEqualTo("Root/Workloads");
            assertThat(byId.get(devAccount).account().tags()).containsEntry("team", "platform");
            assertThat(byId.get(devAccount).account().name()).isEqualTo("dev");
            assertThat(byId.get(devAccount).account().email()).isEqualTo("dev@example.com");
            assertThat(byId.get(playAccount).skipReason())
                    .isEqualTo("excluded by filter: tag env=sandbox is excluded");
            assertThat(byId.get(closedAccount).skipReason()).isEqualTo("account SUSPENDED");
            assertThat(byId.get(closedAccount).account().state()).isEqualTo("SUSPENDED");
            assertThat(byId.get(MotoWorld.MANAGEMENT_ACCOUNT).account().ouPath()).isEqualTo("Root");
            assertThat(result.audited()).extracting(a -> a.account().accountId())
                    .containsExactlyInAnyOrder(prodAccount, devAccount, MotoWorld.MANAGEMENT_ACCOUNT);

            // and the tree walk costs one listing per parent, never one ListParents per account
            Map<String, Long> calls = management.counter().counts();
            assertThat(calls).doesNotContainKey("organizations:ListParents");
            assertThat(calls).containsEntry("organizations:ListAccountsForParent", 4L)
                    .containsEntry("organizations:ListOrganizationalUnitsForParent", 4L)
                    .containsEntry("organizations:DescribeOrganization", 1L)
                    // tags for the four ACTIVE accounts only, because a tag filter is set; not the suspended one
                    .containsEntry("organizations:ListTagsForResource", 4L);
            assertThat(management.counter().total()).isEqualTo(1 + 1 + 4 + 4 + 4);
        }
    }

    @Test
    void ouSubtreeFiltersSelectByNamePathOrId(MotoServer moto) {
        try (AwsClientFactory factory = MotoWorld.factory(moto);
             AccountSession management = AccountSession.direct(factory, MotoWorld.MANAGEMENT_ACCOUNT)) {
            OrganizationsClient orgs = management.clients().organizations();
            orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
            String root = orgs.listRoots().roots().get(0).id();
            String workloads = ou(orgs, root, "Workloads");
            String prod = ou(orgs, workloads, "Prod");
            String prodAccount = account(orgs, "prod", prod, Map.of());
            String devAccount = account(orgs, "dev", workloads, Map.of());

            DiscoveryResult onlyWorkloadsButNotProd = new OrganizationDiscovery(orgs).discover(new AccountFilter(
                    null, Set.of(), List.of("Root/Workloads"), List.of(prod), null, null));

            Map<String, String> reasons = onlyWorkloadsButNotProd.accounts().stream().collect(Collectors.toMap(
                    a -> a.account().accountId(), a -> a.skipReason() == null ? "audited" : a.skipReason()));
            assertThat(reasons).containsEntry(devAccount, "audited")
                    .containsEntry(prodAccount, "excluded by filter: OU " + prod + " is excluded");
            assertThat(reasons.get(MotoWorld.MANAGEMENT_ACCOUNT)).startsWith("excluded by filter: Root is outside");
            // no tag selector: no tag is read, so discovery costs no call per account
            assertThat(management.counter().counts()).doesNotContainKey("organizations:ListTagsForResource");
            assertThat(onlyWorkloadsButNotProd.accounts()).allMatch(a -> a.account().tags().isEmpty());
        }
    }

    private static String ou(OrganizationsClient orgs, String parent, String name) {
        return orgs.createOrganizationalUnit(r -> r.parentId(parent).name(name)).organizationalUnit().id();
    }

    private static String account(OrganizationsClient orgs, String name, String parent, Map<String, String> tags) {
        String id = orgs.createAccount(r -> r.accountName(name).email(name + "@example.com")
                .tags(tags.entrySet().stream().map(t -> software.amazon.awssdk.services.organizations.model.Tag
                        .builder().key(t.getKey()).value(t.getValue()).build()).toList()))
                .createAccountStatus().accountId();
        String current = orgs.listParents(r -> r.childId(id)).parents().get(0).id();
        if (!current.equals(parent)) {
            orgs.moveAccount(r -> r.accountId(id).sourceParentId(current).destinationParentId(parent));
        }
        return id;
    }
}
