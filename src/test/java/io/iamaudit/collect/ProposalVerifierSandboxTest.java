package io.iamaudit.collect;

import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ProposalCheck;
import io.iamaudit.stage.ProposalCheck.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ProposalVerifier through the real SDK against the sandbox: what is withheld, what is not run, what is counted. */
class ProposalVerifierSandboxTest {

    private static SandboxServer sandbox;
    private static AwsClientFactory factory;
    private static final CallCounter COUNTER = new CallCounter();
    private static AccessAnalyzerClient client;

    static final String ORIGINAL = allow("\"s3:*\"");

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0);
        SandboxCredentials c = sandbox.managementCredentials();
        factory = new AwsClientFactory(new AwsSettings(Region.US_EAST_1, sandbox.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())),
                2, RetryMode.STANDARD, Duration.ofMillis(5)));
        client = factory.accessAnalyzer(factory.settings().credentials(), COUNTER);
    }

    @AfterAll
    static void stop() {
        client.close();
        factory.close();
        sandbox.close();
    }

    static String allow(String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":\"*\"}]}";
    }

    static PolicyProposal proposal(String original, String proposed) {
        return new PolicyProposal("app", "arn:aws:iam::444444444444:policy/app", "MANAGED", original, proposed,
                List.of(), List.of(), true);
    }

    @Test
    void aNarrowingPassesBothChecksAndIsCounted() {
        long before = COUNTER.counts().getOrDefault("access-analyzer:CheckNoNewAccess", 0L);
        ProposalCheck c = new ProposalVerifier(client, true).verify("444444444444", "r1",
                proposal(ORIGINAL, allow("[\"s3:GetObject\",\"s3:List*\"]")));
        assertThat(c.validation()).isEqualTo(Outcome.PASS);
        assertThat(c.noNewAccess()).isEqualTo(Outcome.PASS);
        assertThat(c.withheld()).isFalse();
        assertThat(c.verified()).isTrue();
        assertThat(COUNTER.counts().get("access-analyzer:CheckNoNewAccess")).isEqualTo(before + 1);
    }

    @Test
    void aWideningFailsCheckNoNewAccessAndIsWithheld() {
        ProposalCheck c = new ProposalVerifier(client, true).verify("444444444444", "r1",
                proposal(allow("\"s3:GetObject\""), allow("[\"s3:GetObject\",\"ec2:DescribeInstances\"]")));
        assertThat(c.validation()).isEqualTo(Outcome.PASS);
        assertThat(c.noNewAccess()).isEqualTo(Outcome.FAIL);
        assertThat(c.noNewAccessMessage()).contains("statement 0").contains("ec2:DescribeInstances");
        assertThat(c.withheld()).isTrue();
    }

    @Test
    void anErrorFromValidatePolicyWithholdsAWarningDoesNot() {
        ProposalCheck typo = new ProposalVerifier(client, false).verify("444444444444", "r1",
                proposal(ORIGINAL, allow("\"s3:GetObjectt\"")));
        assertThat(typo.validation()).isEqualTo(Outcome.FAIL);
        assertThat(typo.issues()).extracting(ProposalCheck.PolicyIssue::issueCode).containsExactly("INVALID_ACTION");
        assertThat(typo.withheld()).isTrue();

        ProposalCheck passRole = new ProposalVerifier(client, false).verify("444444444444", "r1",
                proposal(allow("\"iam:*\""), allow("\"iam:PassRole\"")));
        assertThat(passRole.issues()).extracting(ProposalCheck.PolicyIssue::findingType)
                .containsExactly("SECURITY_WARNING");
        assertThat(passRole.validation()).isEqualTo(Outcome.PASS);
        assertThat(passRole.withheld()).as("shown with its warning").isFalse();
    }

    @Test
    void checkNoNewAccessIsNotRunWhenOffUnchangedOrDetached() {
        long before = COUNTER.counts().getOrDefault("access-analyzer:CheckNoNewAccess", 0L);
        ProposalCheck off = new ProposalVerifier(client, false).verify("444444444444", "r1",
                proposal(ORIGINAL, allow("\"s3:GetObject\"")));
        assertThat(off.noNewAccess()).isEqualTo(Outcome.NOT_RUN);
        assertThat(off.noNewAccessMessage()).contains("off");
        ProposalCheck unchanged = new ProposalVerifier(client, true).verify("444444444444", "r1",
                proposal(ORIGINAL, ORIGINAL));
        assertThat(unchanged.noNewAccess()).isEqualTo(Outcome.NOT_RUN);
        ProposalCheck detached = new ProposalVerifier(client, true).verify("444444444444", "r1",
                proposal(ORIGINAL, null));
        assertThat(detached.validation()).isEqualTo(Outcome.NOT_RUN);
        assertThat(COUNTER.counts().getOrDefault("access-analyzer:CheckNoNewAccess", 0L)).as("no paid call")
                .isEqualTo(before);
    }

    @Test
    void aFailedCallIsNotVerifiedWithItsReasonNeverPassed() {
        sandbox.faults().throttleRate("access-analyzer:CheckNoNewAccess", 1.0);
        try {
            ProposalCheck c = new ProposalVerifier(client, true).verify("444444444444", "r1",
                    proposal(ORIGINAL, allow("\"s3:GetObject\"")));
            assertThat(c.validation()).isEqualTo(Outcome.PASS);
            assertThat(c.noNewAccess()).isEqualTo(Outcome.NOT_VERIFIED);
            assertThat(c.notVerified()).startsWith("CheckNoNewAccess: ").contains("ThrottlingException");
            assertThat(c.withheld()).isFalse();
        } finally {
            sandbox.faults().throttleRate("access-analyzer:CheckNoNewAccess", 0.0);
        }
    }
}
