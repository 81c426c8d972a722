package io.iamaudit.job;

import io.iamaudit.cli.ExitCode;
import io.iamaudit.stage.AccountCoverage;

import java.util.List;

/**
 * How a run ended, for the final log line and the exit code.
 *
 * @param published where the run's reports were published, {@code null} when nothing was
 * @param failed    the accounts that could not be audited, with their reasons
 */
public record RunResult(String runId, boolean completed, int audited, int skipped, List<AccountCoverage> failed,
                        long findings, String published, String error) {

    public RunResult {
        failed = List.copyOf(failed);
    }

    public int exitCode() {
        if (!completed) {
            return ExitCode.FAILURE;
        }
        return failed.isEmpty() ? ExitCode.COMPLETE : ExitCode.ACCOUNTS_FAILED;
    }

    public String summaryLine() {
        if (!completed) {
            return "run " + runId + " FAILED: " + error + " (nothing new published; resume with 'restart')";
        }
        StringBuilder line = new StringBuilder("run ").append(runId).append(" complete: ")
                .append(audited).append(" accounts audited, ").append(skipped).append(" skipped, ")
                .append(failed.size()).append(" failed, ").append(findings).append(" findings; published to ")
                .append(published);
        for (AccountCoverage f : failed) {
            line.append(System.lineSeparator()).append("  failed ").append(f.accountId()).append(" (")
                    .append(f.accountName()).append("): ").append(f.reason());
        }
        return line.toString();
    }
}
