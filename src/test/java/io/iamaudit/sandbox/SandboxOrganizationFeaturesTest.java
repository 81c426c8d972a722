package io.iamaudit.sandbox;

import io.iamaudit.collect.OrganizationFeaturesCollector;
import io.iamaudit.sandbox.scenario.OrganizationSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.stage.OrganizationFeatures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ServiceAccessNotEnabledException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ListOrganizationsFeatures as the sandbox serves it (shape and error codes from botocore's iam model; moto 5.2 has
 * no such operation), and the collector's reading of each answer.
 */
class SandboxOrganizationFeaturesTest {

    private static final String MEMBER_ROLE = "arn:aws:iam::100000000002:role/OrganizationAccountAccessRole";

    private static Scenario fidelityWith(List<String> features, String featureSet, Map<String, String> delegated) {
        Scenario base = Scenarios.fidelity();
        OrganizationSpec o = base.organization();
        return new Scenario(new OrganizationSpec(o.id(), o.rootId(), o.managementAccount(), featureSet, delegated,
                o.auditRole(), features), base.organizationalUnits(), base.accounts(), base.analyzers(),
                base.findings());
    }

    @Test
    void theManagementAccountReadsTheEnabledFeatures() {
        try (SandboxServer s = SandboxServer.start(Scenarios.fidelity());
             SandboxClients c = SandboxClients.management(s)) {
            var r = c.iam().listOrganizationsFeatures(b -> { });
            assertThat(r.organizationId()).isEqualTo("o-fidelity0001");
            assertThat(r.enabledFeaturesAsStrings()).containsExactly("RootCredentialsManagement", "RootSessions");
            assertThat(new OrganizationFeaturesCollector(c.iam()).collect())
                    .isEqualTo(new OrganizationFeatures("o-fidelity0001", true,
                            List.of("RootCredentialsManagement", "RootSessions")));
        }
    }

    @Test
    void trustedAccessWithoutFeaturesIsAnEmptyList() {
        try (SandboxServer s = SandboxServer.start(fidelityWith(List.of(), "ALL", Map.of()));
             SandboxClients c = SandboxClients.management(s)) {
            assertThat(new OrganizationFeaturesCollector(c.iam()).collect())
                    .isEqualTo(new OrganizationFeatures("o-fidelity0001", true, List.of()));
        }
    }

    /** No trusted access for IAM: AWS's error, which the collector reads as "no feature on", not as missing data. */
    @Test
    void noTrustedAccessIsServiceAccessNotEnabled() {
        try (SandboxServer s = SandboxServer.start(fidelityWith(null, "ALL", Map.of()));
             SandboxClients c = SandboxClients.management(s)) {
            assertThatThrownBy(() -> c.noRetries().iam().listOrganizationsFeatures(b -> { }))
                    .isInstanceOf(ServiceAccessNotEnabledException.class);
            assertThat(new OrganizationFeaturesCollector(c.iam()).collect())
                    .isEqualTo(new OrganizationFeatures(null, false, List.of()));
        }
    }

    @Test
    void aMemberAccountIsRefusedUnlessItIsIamsDelegatedAdministrator() {
        List<String> on = List.of("RootCredentialsManagement");
        try (SandboxServer s = SandboxServer.start(fidelityWith(on, "ALL", Map.of()));
             SandboxClients mgmt = SandboxClients.management(s);
             SandboxClients member = SandboxClients.session(s, mgmt.sts()
                     .assumeRole(b -> b.roleArn(MEMBER_ROLE).roleSessionName("audit")).credentials())) {
            assertThatThrownBy(() -> new OrganizationFeaturesCollector(member.noRetries().iam()).collect())
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("AccountNotManagementOrDelegatedAdministratorException"));
        }
        try (SandboxServer s = SandboxServer.start(fidelityWith(on, "ALL",
                Map.of("iam.amazonaws.com", "100000000002")));
             SandboxClients mgmt = SandboxClients.management(s);
             SandboxClients admin = SandboxClients.session(s, mgmt.sts()
                     .assumeRole(b -> b.roleArn(MEMBER_ROLE).roleSessionName("audit")).credentials())) {
            assertThat(new OrganizationFeaturesCollector(admin.iam()).collect().enabledFeatures()).isEqualTo(on);
        }
    }

    @Test
    void consolidatedBillingOrganizationsHaveNoFeatures() {
        try (SandboxServer s = SandboxServer.start(fidelityWith(List.of(), "CONSOLIDATED_BILLING", Map.of()));
             SandboxClients c = SandboxClients.management(s)) {
            assertThatThrownBy(() -> new OrganizationFeaturesCollector(c.noRetries().iam()).collect())
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("OrganizationNotInAllFeaturesModeException"));
        }
    }
}
