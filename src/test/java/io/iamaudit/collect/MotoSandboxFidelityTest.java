package io.iamaudit.collect;

import io.iamaudit.testsupport.Peer;
import io.iamaudit.testsupport.RequiresPeers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.discover.AccountFilter;
import io.iamaudit.discover.DiscoveredAccount;
import io.iamaudit.discover.OrganizationDiscovery;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.IamGroup;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.IdentityProvider;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.PolicyRefs;
import io.iamaudit.testsupport.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fidelity proven by software nobody here wrote: the fidelity organization is built in moto_server through the AWS
 * APIs, and served by the sandbox from jobs/scenarios/fidelity.yaml; the same collectors must stage the same data
 * from both, for every operation moto implements (moto has no last-accessed or Access Analyzer: the AWS CLI test
 * covers those). Each tolerated moto quirk is named where it is tolerated.
 */
@RequiresPeers(Peer.MOTO_SERVER)
class MotoSandboxFidelityTest {

    private static final String MANAGEMENT = "100000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;
    private static SandboxServer sandbox;
    private static IamClient motoIam;
    private static IamClient sandboxIam;

    @BeforeAll
    static void buildBothWorlds() throws Exception {
        moto = MotoServer.start(Map.of("MOTO_ACCOUNT_ID", MANAGEMENT, "MOTO_IAM_LOAD_MANAGED_POLICIES", "true"));
        sandbox = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant(), 0);
        motoIam = iam(moto.endpoint(), "AKIAMOTOEXAMPLE", "secret");
        sandboxIam = iam(sandbox.endpoint(), sandbox.managementCredentials().accessKeyId(),
                sandbox.managementCredentials().secretAccessKey());
        FidelityWorld.buildInMoto(motoIam, organizations(moto.endpoint()));
    }

    @AfterAll
    static void stop() {
        motoIam.close();
        sandboxIam.close();
        sandbox.close();
        moto.close();
    }

    @Test
    void authorizationDetailsAgree() throws Exception {
        AuthorizationDetails fromMoto = new AuthorizationDetailsCollector(motoIam).collect();
        AuthorizationDetails fromSandbox = new AuthorizationDetailsCollector(sandboxIam).collect();

        assertThat(byName(fromMoto.users(), IamUser::userName).keySet())
                .isEqualTo(byName(fromSandbox.users(), IamUser::userName).keySet());
        for (IamUser expected : fromSandbox.users()) {
            IamUser actual = byName(fromMoto.users(), IamUser::userName).get(expected.userName());
            assertThat(actual.path()).isEqualTo(expected.path());
            assertThat(actual.arn()).isEqualTo(expected.arn());
            assertThat(actual.groups()).containsExactlyInAnyOrderElementsOf(expected.groups());
            assertThat(names(actual.attachedPolicies())).isEqualTo(names(expected.attachedPolicies()));
            assertThat(inline(actual.inlinePolicies())).isEqualTo(inline(expected.inlinePolicies()));
            assertThat(actual.tags()).isEqualTo(expected.tags());
        }
        for (IamGroup expected : fromSandbox.groups()) {
            IamGroup actual = byName(fromMoto.groups(), IamGroup::groupName).get(expected.groupName());
            assertThat(names(actual.attachedPolicies())).isEqualTo(names(expected.attachedPolicies()));
        }
        for (IamRole expected : fromSandbox.roles()) {
            IamRole actual = byName(fromMoto.roles(), IamRole::roleName).get(expected.roleName());
            assertThat(actual).as(expected.roleName()).isNotNull();
            assertThat(JSON.readTree(actual.trustPolicy())).isEqualTo(JSON.readTree(expected.trustPolicy()));
            assertThat(names(actual.attachedPolicies())).isEqualTo(names(expected.attachedPolicies()));
        }
        // moto quirks: with its managed policies loaded it lists every AWS managed policy, attached or not, and without
        // their PolicyName; compare the customer managed ones in full and require the attached AWS ones in both
        Map<String, ManagedPolicy> motoPolicies = byName(fromMoto.policies(), ManagedPolicy::arn);
        for (ManagedPolicy expected : fromSandbox.policies()) {
            ManagedPolicy actual = motoPolicies.get(expected.arn());
            assertThat(actual).as(expected.arn()).isNotNull();
            if (!expected.awsManaged()) {
                assertThat(JSON.readTree(actual.defaultDocument())).isEqualTo(JSON.readTree(expected.defaultDocument()));
                assertThat(actual.defaultVersionId()).isEqualTo(expected.defaultVersionId());
            }
        }
    }

    @Test
    void passwordPolicyAndIdentityProvidersAgree() {
        assertThat(new PasswordPolicyCollector(motoIam).collect())
                .isEqualTo(new PasswordPolicyCollector(sandboxIam).collect());
        assertThat(new IdentityProviderCollector(motoIam).collect().stream().map(IdentityProvider::arn).toList())
                .isEqualTo(new IdentityProviderCollector(sandboxIam).collect().stream().map(IdentityProvider::arn).toList());
    }

    @Test
    void credentialReportsAgreeOnEveryUser() {
        CredentialReport fromMoto = new CredentialReportCollector(motoIam, Poller.withBudget(Duration.ofSeconds(30))).collect();
        CredentialReport fromSandbox = new CredentialReportCollector(sandboxIam, Poller.withBudget(Duration.ofSeconds(30))).collect();

        // moto quirk: no <root_account> row (AWS and the sandbox have one)
        assertThat(fromMoto.root()).isEmpty();
        assertThat(fromSandbox.root()).isPresent();
        Map<String, CredentialReportRow> motoUsers = fromMoto.users().collect(Collectors.toMap(CredentialReportRow::user, r -> r));
        Map<String, CredentialReportRow> sandboxUsers = fromSandbox.users().collect(Collectors.toMap(CredentialReportRow::user, r -> r));
        assertThat(motoUsers.keySet()).isEqualTo(sandboxUsers.keySet());
        sandboxUsers.forEach((name, expected) -> {
            CredentialReportRow actual = motoUsers.get(name);
            assertThat(actual.arn()).as(name).isEqualTo(expected.arn());
            assertThat(actual.passwordEnabled()).as(name).isEqualTo(expected.passwordEnabled());
            assertThat(actual.mfaActive()).as(name).isEqualTo(expected.mfaActive());
            assertThat(actual.accessKeys().stream().map(CredentialReportRow.AccessKeySlot::active).toList())
                    .as(name).isEqualTo(expected.accessKeys().stream().map(CredentialReportRow.AccessKeySlot::active).toList());
        });
    }

    @Test
    void discoveryAgreesOnAccountsOusAndStates() {
        try (OrganizationsClient fromMoto = organizations(moto.endpoint());
             OrganizationsClient fromSandbox = organizations(sandbox.endpoint(),
                     sandbox.managementCredentials().accessKeyId(), sandbox.managementCredentials().secretAccessKey())) {
            // moto assigns member account ids itself (compare by name) and names the management account "master"
            var motoResult = new OrganizationDiscovery(fromMoto).discover(AccountFilter.all());
            var sandboxResult = new OrganizationDiscovery(fromSandbox).discover(AccountFilter.all());
            assertThat(motoResult.managementAccountId()).isEqualTo(sandboxResult.managementAccountId());
            assertThat(summary(motoResult.accounts(), motoResult.managementAccountId()))
                    .isEqualTo(summary(sandboxResult.accounts(), sandboxResult.managementAccountId()));
        }
    }

    private static Map<String, String> summary(List<DiscoveredAccount> accounts, String management) {
        return accounts.stream().collect(Collectors.toMap(
                d -> d.account().accountId().equals(management) ? "(management)" : d.account().name(),
                d -> d.account().state() + " " + d.account().ouPath() + " " + new TreeMap<>(d.account().tags()),
                (a, b) -> a, TreeMap::new));
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, t -> t));
    }

    private static List<String> names(List<PolicyRefs.AttachedPolicy> attached) {
        return attached.stream().map(PolicyRefs.AttachedPolicy::policyName).sorted().toList();
    }

    private static Map<String, JsonNode> inline(List<PolicyRefs.InlinePolicy> policies) throws RuntimeException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (PolicyRefs.InlinePolicy p : policies) {
            try {
                out.put(p.policyName(), JSON.readTree(p.document()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static IamClient iam(URI endpoint, String key, String secret) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))).build();
    }

    static OrganizationsClient organizations(URI endpoint) {
        return organizations(endpoint, "AKIAMOTOEXAMPLE", "secret");
    }

    static OrganizationsClient organizations(URI endpoint, String key, String secret) {
        return OrganizationsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))).build();
    }
}
