package io.iamaudit.sandbox.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Service-last-accessed jobs: IN_PROGRESS for the configured delay, then COMPLETED. A job belongs to the account
 * that generated it; another account asking for it gets NoSuchEntity, as with AWS's per-session job ownership. The
 * delay is read when a job is looked at (see {@link CredentialReports}), so a test can hold a job and release it.
 */
public final class LastAccessedJobs {

    /** One generated job; the delay in force decides when it is ready. */
    public record Job(String id, String accountId, String arn, boolean actionLevel, Instant created,
                      Supplier<Duration> delay) {
        public Instant ready() {
            return created.plus(delay.get());
        }

        public boolean completed(Instant now) {
            return !now.isBefore(ready());
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Supplier<Duration> delay;

    public LastAccessedJobs(Supplier<Duration> delay) {
        this.delay = delay;
    }

    public Job start(String accountId, String arn, boolean actionLevel, Instant now) {
        Job job = new Job(UUID.randomUUID().toString(), accountId, arn, actionLevel, now, delay);
        jobs.put(job.id(), job);
        return job;
    }

    /** The job, when it exists and belongs to the account; null otherwise. */
    public Job find(String jobId, String accountId) {
        Job job = jobId == null ? null : jobs.get(jobId);
        return job != null && job.accountId().equals(accountId) ? job : null;
    }
}
