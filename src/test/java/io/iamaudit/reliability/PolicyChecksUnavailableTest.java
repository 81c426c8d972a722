package io.iamaudit.reliability;

import io.iamaudit.IamAuditApplication;
import io.iamaudit.job.ExitCode;
import io.iamaudit.job.AuditJobRunner;
import io.iamaudit.job.RunResult;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.ProposalCheck;
import io.iamaudit.stage.StagingRepository;
import io.iamaudit.testsupport.SandboxRunProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM Access Analyzer's checks failing (jobs/profiles/policy-checks-failing.yaml: ValidatePolicy always throttled,
 * GenerateFindingRecommendation always a 5xx) leave every proposal and AWS recommendation "not verified", with the
 * reason in Coverage; the run still audits and publishes everything else. Nothing unverified is shown as passed.
 */
@SpringBootTest(classes = IamAuditApplication.class)
class PolicyChecksUnavailableTest {

    private static final SandboxServer SANDBOX = SandboxServer.start(Scenarios.demo(),
            SandboxProfile.load(Path.of("jobs/profiles/policy-checks-failing.yaml")), 0);

    @Autowired
    AuditJobRunner runner;

    @Autowired
    StagingRepository staging;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        SandboxRunProperties.register(registry, "policy-checks-unavailable", Files.createTempDirectory("aa-fail"), SANDBOX);
        registry.add("iam-audit.aws.max-attempts", () -> "2");
        registry.add("iam-audit.aws.throttling-base-delay-millis", () -> "5");
        registry.add("iam-audit.access-analyzer-checks.check-no-new-access", () -> "true");
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    @Test
    void failedChecksMarkProposalsNotVerifiedInCoverageAndTheRunGoesOn() {
        RunResult run = runner.start("org-audit");

        assertThat(run.exitCode()).isEqualTo(ExitCode.COMPLETE);
        assertThat(run.audited()).isEqualTo(7);
        assertThat(run.proposalDefects()).isZero();
        List<ProposalCheck> checks = new ArrayList<>();
        List<AwsRecommendation> recommendations = new ArrayList<>();
        for (AccountCoverage c : staging.coverage(run.runId())) {
            checks.addAll(staging.proposalChecks(run.runId(), c.accountId()));
            recommendations.addAll(staging.awsRecommendations(run.runId(), c.accountId()));
        }
        List<ProposalCheck> withDocument = checks.stream()
                .filter(c -> c.validation() != ProposalCheck.Outcome.NOT_RUN).toList();
        assertThat(withDocument).isNotEmpty().allSatisfy(c -> {
            assertThat(c.validation()).isEqualTo(ProposalCheck.Outcome.NOT_VERIFIED);
            assertThat(c.noNewAccess()).as("never reported as passed").isNotEqualTo(ProposalCheck.Outcome.PASS);
            assertThat(c.notVerified()).contains("ValidatePolicy").contains("ThrottlingException");
            assertThat(c.withheld()).as("not verified is not a rejection").isFalse();
        });
        assertThat(recommendations).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("NOT_VERIFIED");
            assertThat(r.error()).contains("GenerateFindingRecommendation").contains("InternalServerException");
            assertThat(r.comparison()).isNull();
        });
        assertThat(staging.coverage(run.runId())).filteredOn(c -> c.accountId().equals("444444444444"))
                .singleElement().satisfies(c -> {
                    assertThat(c.status()).isEqualTo(AccountCoverage.Status.AUDITED);
                    assertThat(c.reason()).contains("not verified by Access Analyzer: ")
                            .contains("proposals (").contains("ThrottlingException")
                            .contains("AWS recommendations (");
                    assertThat(c.awsCalls().get("access-analyzer:ValidatePolicy")).as("each attempt counted")
                            .isGreaterThanOrEqualTo(2L * withDocument.stream()
                                    .filter(x -> x.accountId().equals("444444444444"))
                                    .map(ProposalCheck::documentsHash).distinct().count());
                });
        // the look-alike: an account whose proposals all passed before has no such reason (clean account 888...)
        assertThat(staging.coverage(run.runId())).filteredOn(c -> c.accountId().equals("888888888888"))
                .singleElement().satisfies(c -> assertThat(String.valueOf(c.reason()))
                        .doesNotContain("AWS recommendations ("));
    }
}
