package io.iamaudit.collect;

import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MotoServerExtension.class)
class AccountSessionMotoTest {

    @Test
    void memberAccountIsEnteredThroughTheOrganizationRole(MotoServer moto) {
        try (AwsClientFactory factory = MotoWorld.factory(moto);
             AccountSession management = AccountSession.direct(factory, MotoWorld.MANAGEMENT_ACCOUNT)) {
            String member = MotoWorld.organizationWithMember(management.clients().organizations());
            AssumeRoleSettings role = new AssumeRoleSettings(null, "ext-EXAMPLE", "auditor", "run 42");

            try (AccountSession session = AccountSession.open(factory, member, MotoWorld.MANAGEMENT_ACCOUNT, role)) {
                GetCallerIdentityResponse identity = session.clients().sts().getCallerIdentity();

                assertThat(session.assumedRole()).isTrue();
                assertThat(identity.account()).isEqualTo(member);
                assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + member
                        + ":assumed-role/OrganizationAccountAccessRole/iam-audit-run-42");
                // the member's IAM is its own: a user created there is not in the management account
                session.clients().iam().createUser(r -> r.userName("only-in-member"));
                assertThat(session.clients().iam().listUsers().users()).extracting(u -> u.arn())
                        .containsExactly("arn:aws:iam::" + member + ":user/only-in-member");
                assertThat(management.clients().iam().listUsers().users()).isEmpty();
                assertThat(session.counter().counts()).containsEntry("sts:AssumeRole", 1L)
                        .containsEntry("sts:GetCallerIdentity", 1L)
                        .containsEntry("iam:CreateUser", 1L)
                        .containsEntry("iam:ListUsers", 1L);
            }
        }
    }

    @Test
    void managementAccountUsesTheBaseCredentials(MotoServer moto) {
        try (AwsClientFactory factory = MotoWorld.factory(moto);
             AccountSession session = AccountSession.open(factory, MotoWorld.MANAGEMENT_ACCOUNT,
                     MotoWorld.MANAGEMENT_ACCOUNT, AssumeRoleSettings.forRun("r1"))) {
            GetCallerIdentityResponse identity = session.clients().sts().getCallerIdentity();

            assertThat(session.assumedRole()).isFalse();
            assertThat(identity.account()).isEqualTo(MotoWorld.MANAGEMENT_ACCOUNT);
            assertThat(session.counter().counts()).doesNotContainKey("sts:AssumeRole");
        }
    }

    @Test
    void anUnreachableStsBecomesAnAccountAccessExceptionWithoutSecrets(MotoServer moto) {
        AwsClientFactory factory = new AwsClientFactory(MotoWorld.settings(moto)
                .withEndpointOverride(java.net.URI.create("http://127.0.0.1:1")));
        try (factory) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccountSession.open(factory, "111122223333",
                            MotoWorld.MANAGEMENT_ACCOUNT, AssumeRoleSettings.forRun("r1")))
                    .isInstanceOf(AccountAccessException.class)
                    .hasMessageStartingWith("account 111122223333: cannot assume "
                            + "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole")
                    .hasMessageNotContaining("wJalrXUtnFEMI");
        }
    }
}
