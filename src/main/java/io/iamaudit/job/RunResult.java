package io.iamaudit.job;

import io.iamaudit.stage.AccountCoverage;

import java.util.List;

/**
 * How a run ended, for the final log line and the exit code.
 *
 * @param skipped    the accounts in the organization the run did not audit (filters, suspended), with the reason
 * @param failed     the accounts that could not be audited, with their reasons
 * @param ruleErrors rule evaluations that threw (each logged with rule and account; its findings not evaluated)
 * @param published  where the run's reports were published, {@code null} when nothing was
 * @param resumable  whether the failed run was staged, so that {@code restart} has something to resume
 * @param proposalDefects proposals IAM Access Analyzer's CheckNoNewAccess found granting more than their original
 *                   (defects of the rewriter; each was withheld from the report)
 */
public record RunResult(String runId, boolean completed, int audited, List<AccountCoverage> skipped,
                        List<AccountCoverage> failed, long ruleErrors, long findings, String published, String error,
                        boolean resumable, int proposalDefects) {

    public RunResult {
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    public RunResult(String runId, boolean completed, int audited, List<AccountCoverage> skipped,
                     List<AccountCoverage> failed, long ruleErrors, long findings, String published, String error,
                     boolean resumable) {
        this(runId, completed, audited, skipped, failed, ruleErrors, findings, published, error, resumable, 0);
    }

    public int exitCode() {
        if (!completed) {
            return ExitCode.FAILURE;
        }
        return failed.isEmpty() ? ExitCode.COMPLETE : ExitCode.ACCOUNTS_FAILED;
    }

    public String summaryLine() {
        if (!completed) {
            return "run " + runId + " FAILED: " + error + " (nothing new published"
                    + (resumable ? "; resume with 'restart')" : ")");
        }
        StringBuilder line = new StringBuilder("run ").append(runId).append(" complete: ")
                .append(audited).append(" accounts audited, ").append(skipped.size()).append(" skipped, ")
                .append(failed.size()).append(" failed, ").append(findings).append(" findings");
        if (ruleErrors > 0) {
            line.append(", ").append(ruleErrors).append(" rule errors (see the log and the Controls sheet)");
        }
        line.append("; published to ").append(published);
        if (proposalDefects > 0) {
            line.append(System.lineSeparator()).append("  defect: ").append(proposalDefects)
                    .append(" proposals grant access their original does not (CheckNoNewAccess FAIL): withheld,"
                            + " both documents are in the log");
        }
        for (AccountCoverage s : skipped) {
            line.append(System.lineSeparator()).append("  skipped ").append(s.accountId()).append(" (")
                    .append(s.accountName()).append("): ").append(s.reason());
        }
        for (AccountCoverage f : failed) {
            line.append(System.lineSeparator()).append("  failed ").append(f.accountId()).append(" (")
                    .append(f.accountName()).append("): ").append(f.reason());
        }
        return line.toString();
    }
}
