package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;
import io.iamaudit.job.RunRequestException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLineTest {

    private static final String URL = "jdbc:postgresql://db:5432/audit?user=audit&password=hunter2";

    @Test
    void aLockedH2HomeIsAUsageErrorNamingTheHomeAndHowToTell() {
        SQLException locked = new SQLException("Database may be already in use: \"/x/staging.mv.db\". Possible solutions",
                "90020", 90020);
        FailureLine line = FailureLine.of(new IllegalStateException("Failed to start", locked), null, Path.of("/tmp/h"));

        assertThat(line.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(line.line()).contains("/tmp/h").contains("locked").contains("ps -ef").doesNotContain("\n");
    }

    @Test
    void aMissingDriverNamesTheUrlWithoutItsPassword() {
        FailureLine line = FailureLine.of(new IllegalStateException("Unable to create DataSource",
                new IllegalStateException("Failed to load driver class org.postgresql.Driver")), URL, Path.of("h"));

        assertThat(line.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(line.line()).contains("no JDBC driver").contains("jdbc:postgresql://db:5432/audit")
                .doesNotContain("hunter2");
    }

    @Test
    void tlsRefusedAndUnreachableAreUsageErrorsButAnUnexpectedBugIsAFailure() {
        assertThat(FailureLine.of(new RuntimeException("x", new SSLHandshakeException("PKIX path building failed")),
                null, Path.of("h"))).satisfies(l -> {
                    assertThat(l.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(l.line()).startsWith("TLS refused").contains("PKIX");
                });
        assertThat(FailureLine.of(new RuntimeException("x", new ConnectException("Connection refused")), null,
                Path.of("h")).exitCode()).isEqualTo(ExitCode.USAGE);
        FailureLine bug = FailureLine.of(new NullPointerException("Cannot invoke \"String.length()\"\n\tat x"), null,
                Path.of("h"));
        assertThat(bug.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(bug.line()).isEqualTo("failed: Cannot invoke \"String.length()\"");
    }

    @Test
    void aRunRequestInsideSpringsWrappersKeepsItsOwnMessage() {
        FailureLine line = FailureLine.of(new IllegalStateException("wrapped",
                new RunRequestException("nothing to restart: no run has been staged")), null, Path.of("h"));
        assertThat(line).isEqualTo(new FailureLine(ExitCode.USAGE, "nothing to restart: no run has been staged"));
    }
}
