package io.iamaudit.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCredentialReportTest {

    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
            + "cert_2_active,cert_2_last_rotated";

    @Test
    void notPresentThenInProgressThenCompleteWithAwsColumns() throws InterruptedException {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant(), 0);
             SandboxClients c = SandboxClients.management(server)) {
            IamClient iam = c.noRetries().iam();
            // held in progress by a delay no test machine reaches, then released: no bet on response times
            server.faults().credentialReportDelay(Duration.ofHours(1));

            assertThatThrownBy(iam::getCredentialReport)
                    .isInstanceOfSatisfying(CredentialReportNotPresentException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(410);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
                    });
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
            assertThatThrownBy(iam::getCredentialReport)
                    .isInstanceOfSatisfying(CredentialReportNotReadyException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportInProgress");
                    });
            server.faults().credentialReportDelay(Duration.ZERO);
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);

            GetCredentialReportResponse report = iam.getCredentialReport();
            assertThat(report.reportFormatAsString()).isEqualTo("text/csv");
            List<String> lines = report.content().asString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).isEqualTo(HEADER);
            assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(22));
            String[] root = lines.get(1).split(",");
            assertThat(root[0]).isEqualTo("<root_account>");
            assertThat(root[1]).isEqualTo("arn:aws:iam::100000000001:root");
            assertThat(root[3]).isEqualTo("not_supported");
            assertThat(root[5]).isEqualTo("not_supported");
            assertThat(root[7]).isEqualTo("true");
            assertThat(root[8]).isEqualTo("false");
            String[] alice = lines.get(2).split(",");
            assertThat(alice[0]).isEqualTo("alice");
            assertThat(alice[2]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
            assertThat(alice[3]).isEqualTo("true");
            assertThat(alice[6]).isNotEqualTo("N/A");
            assertThat(alice[7]).isEqualTo("true");
            assertThat(alice[8]).isEqualTo("true");
            assertThat(alice[11]).isEqualTo("eu-west-1");
            assertThat(alice[12]).isEqualTo("ec2");
            String[] bot = lines.get(3).split(",");
            assertThat(bot[3]).isEqualTo("false");
            assertThat(bot[4]).isEqualTo("N/A");
            assertThat(bot[11]).as("s3 is not regional").isEqualTo("N/A");
            assertThat(bot[13]).isEqualTo("false");
            assertThat(bot[15]).isEqualTo("N/A");
        }
    }

    @Test
    void memberReportHasNoInformationForANeverUsedPasswordAndShowsRootKeys() throws InterruptedException {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity());
             SandboxClients c = SandboxClients.management(server);
             SandboxClients member = c.assume(server, "100000000002")) {
            IamClient iam = member.iam();
            iam.generateCredentialReport();
            List<String> lines = iam.getCredentialReport().content().asString(StandardCharsets.UTF_8).lines().toList();

            String[] root = lines.get(1).split(",");
            assertThat(root[7]).isEqualTo("false");
            assertThat(root[8]).isEqualTo("true");
            String[] bob = lines.get(2).split(",");
            assertThat(bob[4]).isEqualTo("no_information");
            assertThat(bob[6]).as("no password policy, no rotation").isEqualTo("N/A");
            assertThat(bob[10]).isEqualTo("N/A");
        }
    }
}
