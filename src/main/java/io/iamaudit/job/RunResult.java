package io.iamaudit.job;

import io.iamaudit.cli.ExitCode;
import io.iamaudit.stage.AccountCoverage;

import java.util.List;

/**
 * How a run ended, for the final log line and the exit code.
 *
 * @param published where the run's reports were published, {@code null} when nothing was
 * @param failed    the accounts that could not be audited, with their reasons
 * @param proposalDefects proposals IAM Access Analyzer's CheckNoNewAccess found granting more than their original
 *                  (defects of the rewriter; each was withheld from the report)
 */
public record RunResult(String runId, boolean completed, int audited, int skipped, List<AccountCoverage> failed,
                        long findings, String published, String error, int proposalDefects) {

    public RunResult {
        failed = List.copyOf(failed);
    }

    public RunResult(String runId, boolean completed, int audited, int skipped, List<AccountCoverage> failed,
                     long findings, String published, String error) {
        this(runId, completed, audited, skipped, failed, findings, published, error, 0);
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
        if (proposalDefects > 0) {
            line.append(System.lineSeparator()).append("  defect: ").append(proposalDefects)
                    .append(" proposals grant access their original does not (CheckNoNewAccess FAIL): withheld,"
                            + " both documents are in the log");
        }
        for (AccountCoverage f : failed) {
            line.append(System.lineSeparator()).append("  failed ").append(f.accountId()).append(" (")
                    .append(f.accountName()).append("): ").append(f.reason());
        }
        return line.toString();
    }
}
