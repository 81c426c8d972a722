package io.iamaudit.reliability;

import io.iamaudit.IamAuditApplication;
import io.iamaudit.job.ExitCode;
import io.iamaudit.job.AuditJobRunner;
import io.iamaudit.job.RunResult;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.StagingRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import io.iamaudit.testsupport.SandboxRunProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throttling storm (30% of IAM, STS and Access Analyzer calls answered with AWS's throttling errors) slows the run
 * down but changes nothing it finds: the same finding ids with the same statuses as an unthrottled run.
 */
@SpringBootTest(classes = IamAuditApplication.class)
class ThrottlingStormTest {

    private static final SandboxServer SANDBOX = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant(), 0);
    private static final Path WORK = tempDir();

    @Autowired
    AuditJobRunner runner;

    @Autowired
    StagingRepository staging;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SandboxRunProperties.register(registry, "throttling-storm", WORK, SANDBOX);
        registry.add("iam-audit.aws.throttling-base-delay-millis", () -> "5");
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void aThrottledRunFindsExactlyWhatAnUnthrottledRunFinds() {
        // given an unthrottled run as the reference
        RunResult calm = runner.start("org-audit");
        assertThat(calm.exitCode()).isEqualTo(ExitCode.COMPLETE);

        // when 30% of IAM, STS and Access Analyzer calls are throttled
        long throttledBefore = SANDBOX.stats().totalThrottles();
        SANDBOX.faults().throttleRate("iam", 0.3).throttleRate("sts", 0.3).throttleRate("access-analyzer", 0.3);
        RunResult storm;
        try {
            storm = runner.start("org-audit");
        } finally {
            SANDBOX.faults().clear();
        }

        // then the storm really happened, and the run completed with the same findings and nothing missing
        assertThat(SANDBOX.stats().totalThrottles() - throttledBefore).isGreaterThan(5);
        assertThat(SANDBOX.stats().throttlesSnapshot().keySet()).anyMatch(k -> k.startsWith("iam:"));
        assertThat(storm.exitCode()).as(storm.summaryLine()).isEqualTo(ExitCode.COMPLETE);
        assertThat(storm.runId()).isNotEqualTo(calm.runId());
        assertThat(findings(storm.runId())).hasSizeGreaterThan(5).isEqualTo(findings(calm.runId()));
        assertThat(staging.coverage(storm.runId())).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(AccountCoverage.Status.AUDITED);
            assertThat(c.reason()).as("data sets missing in " + c.accountId()).isNullOrEmpty();
        });
    }

    private List<String> findings(String runId) {
        try (Stream<io.iamaudit.stage.Finding> all = staging.findings(runId)) {
            return all.map(f -> f.findingId() + " " + f.ruleId() + " " + f.status()).sorted().toList();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("throttling-storm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
