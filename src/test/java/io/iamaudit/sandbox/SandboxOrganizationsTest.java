package io.iamaudit.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxOrganizationsTest {

    static SandboxServer server;
    static SandboxClients mgmt;
    static OrganizationsClient orgs;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.demo());
        mgmt = SandboxClients.management(server);
        orgs = mgmt.organizations();
    }

    @AfterAll
    static void stop() {
        mgmt.close();
        server.close();
    }

    @Test
    void listAccountsPagesThroughEveryAccount() {
        ListAccountsResponse first = orgs.listAccounts(r -> r.maxResults(3));
        assertThat(first.accounts()).hasSize(3);
        assertThat(first.nextToken()).isNotNull();

        List<Account> all = orgs.listAccountsPaginator(r -> r.maxResults(3)).stream()
                .flatMap(p -> p.accounts().stream()).toList();
        int pages = (int) orgs.listAccountsPaginator(r -> r.maxResults(3)).stream().count();

        assertThat(all).extracting(Account::id)
                .containsExactlyElementsOf(server.scenario().accounts().stream().map(a -> a.id()).toList());
        assertThat(pages).isEqualTo((all.size() + 2) / 3);
        assertThat(all).anySatisfy(a -> assertThat(a.stateAsString()).isEqualTo("SUSPENDED"));
        assertThat(all.get(0).joinedTimestamp()).isBefore(java.time.Instant.now());
        assertThat(all.get(0).arn()).startsWith("arn:aws:organizations::" + server.managementAccountId() + ":account/");
    }

    @Test
    void maxResultsAboveTwentyIsInvalidInput() {
        assertThatThrownBy(() -> orgs.listAccounts(r -> r.maxResults(21)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException"));
    }

    @Test
    void theTreeIsWalkableFromTheRoot() {
        String root = orgs.listRoots().roots().get(0).id();
        List<OrganizationalUnit> top = orgs.listOrganizationalUnitsForParent(r -> r.parentId(root)).organizationalUnits();
        assertThat(top).isNotEmpty();
        OrganizationalUnit ou = top.get(0);
        assertThat(ou.id()).matches("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
        assertThat(orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(ou.id())).organizationalUnit().name())
                .isEqualTo(ou.name());

        int viaChildren = 0;
        for (OrganizationalUnit o : top) {
            viaChildren += orgs.listChildren(r -> r.parentId(o.id()).childType(ChildType.ACCOUNT)).children().size();
        }
        assertThat(viaChildren).isPositive();
        String someAccount = orgs.listAccountsForParent(r -> r.parentId(ou.id())).accounts().stream().findFirst()
                .map(Account::id).orElse(server.managementAccountId());
        assertThat(orgs.listParents(r -> r.childId(someAccount)).parents().get(0).id()).isIn(ou.id(), root);
        assertThatThrownBy(() -> orgs.listChildren(r -> r.parentId("ou-zzzz-zzzzzzzz").childType(ChildType.ACCOUNT)))
                .isInstanceOf(ParentNotFoundException.class);
    }

    @Test
    void describeAccountTagsAndDelegatedAdministrators() {
        String mgmtId = server.managementAccountId();
        assertThat(orgs.describeAccount(r -> r.accountId(mgmtId)).account().name()).isNotBlank();
        assertThatThrownBy(() -> orgs.describeAccount(r -> r.accountId("000000000000")))
                .isInstanceOf(AccountNotFoundException.class);
        var tagged = server.scenario().accounts().stream().filter(a -> !a.tags().isEmpty()).findFirst().orElseThrow();
        assertThat(orgs.listTagsForResource(r -> r.resourceId(tagged.id())).tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactlyInAnyOrderElementsOf(tagged.tags().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
        String admin = server.scenario().organization().delegatedAdministrators().get("access-analyzer.amazonaws.com");
        assertThat(orgs.listDelegatedAdministrators(r -> r.servicePrincipal("access-analyzer.amazonaws.com"))
                .delegatedAdministrators()).extracting(a -> a.id()).containsExactly(admin);
        assertThat(orgs.listDelegatedAdministrators(r -> r.servicePrincipal("guardduty.example.com"))
                .delegatedAdministrators()).isEmpty();
    }

    @Test
    void memberAccountsMayDescribeTheOrganizationButNotListIt() {
        String member = server.scenario().accounts().stream()
                .filter(a -> a.state().equals("ACTIVE") && !a.id().equals(server.managementAccountId())
                        && !server.scenario().organization().delegatedAdministrators().containsValue(a.id()))
                .findFirst().orElseThrow().id();
        try (SandboxClients m = mgmt.assume(server, member)) {
            OrganizationsClient memberOrgs = m.organizations();
            assertThat(memberOrgs.describeOrganization().organization().masterAccountId())
                    .isEqualTo(server.managementAccountId());
            assertThatThrownBy(memberOrgs::listAccounts).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void unknownOperationsGetAwsErrorsNeverASilentOk() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "AWS4-HMAC-SHA256 Credential=AKIASANDBOXMANAGEMENT/20250101/us-east-1/%s/aws4_request, "
                + "SignedHeaders=host, Signature=0";
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Authorization", auth.formatted("organizations"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSOrganizationsV20161128.CreateAccount")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(json.headers().firstValue("x-amzn-RequestId")).isPresent();

        HttpResponse<String> query = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Authorization", auth.formatted("iam"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DeleteUser&Version=2010-05-08&UserName=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("<Code>InvalidAction</Code>").contains("<RequestId>");

        HttpResponse<String> rest = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/archive-rule"))
                .header("Authorization", auth.formatted("access-analyzer")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(404);
        assertThat(rest.headers().firstValue("X-Amzn-ErrorType")).contains("UnknownOperationException");
    }
}
