package io.iamaudit.sandbox;

import io.iamaudit.sandbox.scenario.AuditRoleSpec;
import io.iamaudit.sandbox.scenario.OrganizationSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxStsTest {

    static SandboxServer server;
    static SandboxClients mgmt;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(Scenarios.fidelity());
        mgmt = SandboxClients.management(server);
    }

    @AfterAll
    static void stop() {
        mgmt.close();
        server.close();
    }

    @Test
    void baseCredentialsAreTheManagementAccount() {
        GetCallerIdentityResponse me = mgmt.sts().getCallerIdentity();

        assertThat(me.account()).isEqualTo("100000000001");
        assertThat(me.arn()).startsWith("arn:aws:iam::100000000001:");
    }

    @Test
    void assumeRoleBindsSessionCredentialsToTheTargetAccount() {
        Instant before = Instant.now();
        AssumeRoleResponse r = mgmt.sts().assumeRole(b -> b
                .roleArn("arn:aws:iam::100000000002:role/OrganizationAccountAccessRole")
                .roleSessionName("iam-audit").durationSeconds(900).sourceIdentity("auditor"));

        assertThat(r.credentials().accessKeyId()).contains("SANDBOX");
        assertThat(r.credentials().sessionToken()).isNotBlank();
        Instant after = Instant.now();
        // 900 s from the moment the sandbox answered, whenever that was between before and after (whole seconds)
        assertThat(r.credentials().expiration()).isBetween(before.plusSeconds(899), after.plusSeconds(901));
        assertThat(r.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::100000000002:assumed-role/OrganizationAccountAccessRole/iam-audit");
        assertThat(r.sourceIdentity()).isEqualTo("auditor");
        try (SandboxClients member = SandboxClients.session(server, r.credentials())) {
            GetCallerIdentityResponse me = member.sts().getCallerIdentity();
            assertThat(me.account()).isEqualTo("100000000002");
            assertThat(me.arn()).isEqualTo(r.assumedRoleUser().arn());
            assertThat(me.userId()).endsWith(":iam-audit");
        }
    }

    @Test
    void scenarioRolesCanBeAssumedButMissingRolesCannot() {
        assertThat(mgmt.sts().assumeRole(b -> b.roleArn("arn:aws:iam::100000000001:role/deployer")
                .roleSessionName("s1")).assumedRoleUser().arn()).contains(":100000000001:assumed-role/deployer/");

        assertThatThrownBy(() -> mgmt.sts().assumeRole(b -> b.roleArn("arn:aws:iam::100000000002:role/nope")
                .roleSessionName("s1")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
    }

    @Test
    void outOfRangeDurationIsAValidationError() {
        assertThatThrownBy(() -> mgmt.sts().assumeRole(b -> b
                .roleArn("arn:aws:iam::100000000002:role/OrganizationAccountAccessRole")
                .roleSessionName("s1").durationSeconds(60)))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void deniedAccountFaultCanBeClearedAtRuntime() {
        server.faults().denyAssumeRole("100000000002");
        try {
            assertThatThrownBy(() -> mgmt.assume(server, "100000000002"))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        } finally {
            server.faults().allowAssumeRole("100000000002");
        }
        try (SandboxClients member = mgmt.assume(server, "100000000002")) {
            assertThat(member.sts().getCallerIdentity().account()).isEqualTo("100000000002");
        }
    }

    @Test
    void externalIdIsEnforcedWhenTheScenarioSetsOne() {
        Scenario base = Scenarios.fidelity();
        OrganizationSpec o = base.organization();
        Scenario withExternalId = new Scenario(new OrganizationSpec(o.id(), o.rootId(), o.managementAccount(),
                o.featureSet(), o.delegatedAdministrators(), new AuditRoleSpec(null, "audit-ext-42")),
                base.organizationalUnits(), base.accounts(), base.analyzers(), base.findings());
        String role = "arn:aws:iam::100000000002:role/OrganizationAccountAccessRole";
        try (SandboxServer s = SandboxServer.start(withExternalId);
             SandboxClients c = SandboxClients.management(s)) {
            assertThatThrownBy(() -> c.sts().assumeRole(b -> b.roleArn(role).roleSessionName("audit")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
            assertThatThrownBy(() -> c.sts().assumeRole(b -> b.roleArn(role).roleSessionName("audit")
                    .externalId("wrong-id"))).isInstanceOf(StsException.class);
            assertThat(c.sts().assumeRole(b -> b.roleArn(role).roleSessionName("audit").externalId("audit-ext-42"))
                    .assumedRoleUser().arn()).contains(":100000000002:");
        }
    }

    @Test
    void suspendedAccountsCannotBeEnteredAndRoleChainingIsCappedAtAnHour() {
        try (SandboxServer demo = SandboxServer.start(Scenarios.demo());
             SandboxClients c = SandboxClients.management(demo)) {
            assertThatThrownBy(() -> c.assume(demo, "777777777777"))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            try (SandboxClients security = c.assume(demo, "222222222222")) {
                assertThat(security.sts().assumeRole(b -> b.roleArn("arn:aws:iam::444444444444:role/"
                        + "OrganizationAccountAccessRole").roleSessionName("chained")).assumedRoleUser().arn())
                        .startsWith("arn:aws:sts::444444444444:");
                assertThatThrownBy(() -> security.sts().assumeRole(b -> b.roleArn("arn:aws:iam::444444444444:role/"
                        + "OrganizationAccountAccessRole").roleSessionName("chained").durationSeconds(7200)))
                        .isInstanceOfSatisfying(StsException.class,
                                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
            }
        }
    }
}
