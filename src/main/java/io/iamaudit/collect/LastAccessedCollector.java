package io.iamaudit.collect;

import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed.ActionLastAccessed;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.JobStatusType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service and action last-accessed data (Access Advisor) for every user and role. All jobs are generated first, then
 * polled together within one budget, the way Aardvark does it. A job id is only readable by the session that created
 * it, so one instance must generate and read with the same per-account client. A principal whose job fails keeps its
 * error; the others are unaffected.
 */
public final class LastAccessedCollector {

    private final IamClient iam;
    private final Poller poller;

    public LastAccessedCollector(IamClient iam, Poller poller) {
        this.iam = iam;
        this.poller = poller;
    }

    /** The jobs generated for an account: a job id or a generation error per principal ARN, in order. */
    public record StartedJobs(Map<String, String> jobIds, Map<String, String> errors) {
    }

    public List<PrincipalLastAccessed> collect(List<String> principalArns) {
        return await(start(principalArns));
    }

    public StartedJobs start(List<String> principalArns) {
        Map<String, String> jobIds = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String arn : principalArns) {
            try {
                jobIds.put(arn, iam.generateServiceLastAccessedDetails(r -> r.arn(arn)
                        .granularity(AccessAdvisorUsageGranularityType.ACTION_LEVEL)).jobId());
            } catch (SdkException e) {
                errors.put(arn, "GenerateServiceLastAccessedDetails failed: " + AwsErrors.describe(e));
            }
        }
        return new StartedJobs(jobIds, errors);
    }

    public List<PrincipalLastAccessed> await(StartedJobs jobs) {
        Map<String, PrincipalLastAccessed> done = new LinkedHashMap<>();
        jobs.errors().forEach((arn, error) -> done.put(arn, new PrincipalLastAccessed(arn, List.of(), error)));
        Map<String, String> pending = new LinkedHashMap<>(jobs.jobIds());
        try {
            poller.poll("last-accessed jobs", () -> {
                readUntilOneIsRunning(pending, done);
                return pending.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty();
            });
        } catch (Poller.PollTimeoutException e) {
            pending.keySet().forEach(arn -> done.put(arn, new PrincipalLastAccessed(arn, List.of(),
                    "job did not complete in time: " + e.getMessage())));
        }
        List<PrincipalLastAccessed> ordered = new ArrayList<>();
        for (String arn : order(jobs)) {
            ordered.add(done.get(arn));
        }
        return ordered;
    }

    /**
     * One polling pass: reads the pending jobs in the order they were generated and stops at the first still running.
     * The jobs after it were generated later and are most likely running too; asking for each would cost a call (and
     * its share of the IAM quota) for an IN_PROGRESS answer. The next pass, after the poller's wait, starts there.
     */
    private void readUntilOneIsRunning(Map<String, String> pending, Map<String, PrincipalLastAccessed> done) {
        Iterator<Map.Entry<String, String>> jobs = pending.entrySet().iterator();
        while (jobs.hasNext()) {
            Map.Entry<String, String> job = jobs.next();
            Optional<PrincipalLastAccessed> result = read(job.getKey(), job.getValue());
            if (result.isEmpty()) {
                return;
            }
            done.put(job.getKey(), result.get());
            jobs.remove();
        }
    }

    /** The principal's result when its job has finished (successfully or not), empty while it runs. */
    private Optional<PrincipalLastAccessed> read(String arn, String jobId) {
        try {
            GetServiceLastAccessedDetailsResponse page = iam.getServiceLastAccessedDetails(r -> r.jobId(jobId));
            if (page.jobStatus() == JobStatusType.IN_PROGRESS) {
                return Optional.empty();
            }
            if (page.jobStatus() != JobStatusType.COMPLETED) {
                String reason = page.error() == null ? page.jobStatusAsString()
                        : page.error().code() + ": " + page.error().message();
                return Optional.of(new PrincipalLastAccessed(arn, List.of(), "job failed: " + reason));
            }
            List<ServiceLastAccessed> services = new ArrayList<>();
            while (true) {
                page.servicesLastAccessed().forEach(s -> services.add(service(s)));
                if (!Boolean.TRUE.equals(page.isTruncated()) || page.marker() == null) {
                    break;
                }
                String marker = page.marker();
                page = iam.getServiceLastAccessedDetails(r -> r.jobId(jobId).marker(marker));
            }
            return Optional.of(new PrincipalLastAccessed(arn, services, null));
        } catch (SdkException e) {
            return Optional.of(new PrincipalLastAccessed(arn, List.of(),
                    "GetServiceLastAccessedDetails failed: " + AwsErrors.describe(e)));
        }
    }

    /** Shared by every session of the JVM: the strings are AWS's vocabulary, the same in every account. */
    private static final SharedStrings SHARED = new SharedStrings();

    static ServiceLastAccessed service(software.amazon.awssdk.services.iam.model.ServiceLastAccessed s) {
        List<ActionLastAccessed> actions = s.trackedActionsLastAccessed().stream()
                .map(a -> new ActionLastAccessed(SHARED.of(a.actionName()), a.lastAccessedTime(),
                        SHARED.of(a.lastAccessedRegion())))
                .toList();
        return new ServiceLastAccessed(SHARED.of(s.serviceNamespace()), SHARED.of(s.serviceName()),
                s.lastAuthenticated(), SHARED.of(s.lastAuthenticatedRegion()), actions);
    }

    private static List<String> order(StartedJobs jobs) {
        List<String> arns = new ArrayList<>(jobs.jobIds().keySet());
        jobs.errors().keySet().stream().filter(arn -> !arns.contains(arn)).forEach(arns::add);
        return arns;
    }
}
