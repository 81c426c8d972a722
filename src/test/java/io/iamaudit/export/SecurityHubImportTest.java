package io.iamaudit.export;

import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's BatchImportFindings through the real SDK client, and the import's handling of what it rejects. */
class SecurityHubImportTest {
    private static final SandboxServer SANDBOX = SandboxServer.start(Scenarios.demo());
    private static final String MANAGEMENT = "111111111111";
    private static final AuditRun RUN = new AuditRun("run-1", "org-audit", Instant.parse("2026-12-01T02:00:00Z"),
            "o-abc", MANAGEMENT, "arn:aws:iam::111111111111:user/x", Map.of(), AuditRun.Status.PUBLISHED);
    private final AsffRecord asff = new AsffRecord("us-east-1");
    private final FindingFacts.Factory facts = FindingFacts.Factory.standard();

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    private static SecurityHubClient client() {
        return SecurityHubClient.builder().endpointOverride(SANDBOX.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SANDBOX.managementCredentials().accessKeyId(),
                        SANDBOX.managementCredentials().secretAccessKey())))
                .build();
    }

    private AwsSecurityFinding finding(String id, String account) {
        return asff.of(facts.of(new Finding(id, "run-1", account, "acme", null, "User", "u",
                "arn:aws:iam::" + account + ":user/u", "IAM.USER.CONSOLE_MFA", "t", Severity.HIGH, Finding.Status.FAIL,
                List.of("SEC02-BP01"), null, null, "evidence", "fix", RUN.startedAt(), null, null, null), RUN));
    }

    @Test
    void validFindingsAreImportedAndInvalidOnesAnsweredWithAwsReasonsWithoutFailingTheImport() {
        AtomicInteger opened = new AtomicInteger();
        SecurityHubImport importer = new SecurityHubImport(account -> {
            opened.incrementAndGet();
            return SecurityHubImport.Sender.of(client());
        });
        List<AwsSecurityFinding> findings = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            findings.add(finding("ok-" + i, MANAGEMENT));
        }
        findings.add(finding("no-title", MANAGEMENT).toBuilder().title(null).build());
        // a look-alike of a valid finding, for another account than the caller's: AWS refuses it under this product
        AwsSecurityFinding foreign = finding("foreign", "444444444444").toBuilder()
                .awsAccountId(MANAGEMENT).build();

        findings.add(foreign);
        SecurityHubImport.Result result = importer.send(findings.iterator());

        assertThat(result.calls()).isEqualTo(2);
        assertThat(opened).hasValue(1);
        assertThat(result.sent()).isEqualTo(152);
        assertThat(result.accepted()).isEqualTo(150);
        assertThat(result.rejected()).extracting(SecurityHubImport.Rejected::findingId, SecurityHubImport.Rejected::errorCode)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("no-title", "InvalidInput"),
                        org.assertj.core.groups.Tuple.tuple("foreign", "AccessDeniedException"));
        assertThat(result.rejected()).allSatisfy(r -> assertThat(r.errorMessage()).isNotBlank());
        assertThat(SANDBOX.securityHubImports()).extracting(i -> i.id()).contains("ok-0", "ok-149")
                .doesNotContain("no-title", "foreign");
    }

    @Test
    void moreThanOneHundredFindingsInOneCallIsRefusedAsAwsDoes() {
        List<AwsSecurityFinding> tooMany = Collections.nCopies(101, finding("x", MANAGEMENT));
        try (SecurityHubClient client = client()) {
            assertThatThrownBy(() -> client.batchImportFindings(r -> r.findings(tooMany)))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void anAccountWhoseClientCannotBeOpenedIsReportedAndTheOthersStillImported() {
        SecurityHubImport importer = new SecurityHubImport(account -> {
            if (account.equals("444444444444")) {
                throw new IllegalStateException("cannot assume IamAuditRole");
            }
            return SecurityHubImport.Sender.of(client());
        });
        SecurityHubImport.Result result = importer.send(List.of(finding("a", "444444444444"),
                finding("b", MANAGEMENT)).iterator());

        assertThat(result.failedAccounts()).containsOnlyKeys("444444444444");
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.accepted()).isEqualTo(1);
    }
}
