package io.iamaudit.job;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Puts the run id, and around one account's work the account id, into the logging MDC: with
 * {@code --log-format json} they are JSON fields of every line (CloudWatch Logs Insights filters on them) rather than
 * words inside the message.
 */
final class RunLogContext implements JobExecutionListener {

    static final String RUN_ID = "runId";
    static final String ACCOUNT_ID = "accountId";

    @Override
    public void beforeJob(JobExecution execution) {
        MDC.put(RUN_ID, execution.getJobParameters().getString(JobParameterNames.RUN_ID));
    }

    @Override
    public void afterJob(JobExecution execution) {
        MDC.remove(RUN_ID);
    }

    /** Sets both ids on a worker thread for the duration of one account's collection or analysis. */
    static MDC.MDCCloseable account(String runId, String accountId) {
        MDC.put(RUN_ID, runId);
        return MDC.putCloseable(ACCOUNT_ID, accountId);
    }
}
