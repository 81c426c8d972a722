package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --sandbox} takes its scenario only as its own value, so it can never swallow the next option. */
class SandboxOptionTest {

    private record Outcome(int exitCode, String stderr) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = IamAuditCli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Outcome(code, err.toString());
    }

    @Test
    void anUnknownOptionAfterSandboxIsReportedAsSuchNotReadAsAScenarioFile() {
        Outcome outcome = run("org-audit", "--sandbox", "--bogus");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.stderr().strip().lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("iam-audit: ").contains("--bogus")
                        .doesNotContain("cannot read file"));
    }

    @Test
    void aScenarioGivenAsTheOptionsValueIsReadAndAMissingOneNamed() {
        Outcome outcome = run("org-audit", "--sandbox=no-such-scenario.yaml", "--output", "file:target/never");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.stderr().strip())
                .isEqualTo("iam-audit: --sandbox: cannot read file 'no-such-scenario.yaml'");
    }
}
