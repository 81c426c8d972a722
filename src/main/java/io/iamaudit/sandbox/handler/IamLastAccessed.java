package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.state.LastAccessedCalculator;
import io.iamaudit.sandbox.state.LastAccessedCalculator.ServiceLine;
import io.iamaudit.sandbox.state.LastAccessedJobs;
import io.iamaudit.sandbox.state.PrincipalPolicies;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Pages;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.time.Instant;
import java.util.List;

/**
 * GenerateServiceLastAccessedDetails and GetServiceLastAccessedDetails: a job per call, IN_PROGRESS for the
 * configured delay, then COMPLETED with every service the entity's policies allow (paged by MaxItems/Marker).
 */
final class IamLastAccessed {

    private final SandboxContext ctx;
    private final IamHandler iam;
    private final LastAccessedCalculator calculator;

    IamLastAccessed(SandboxContext ctx, IamHandler iam) {
        this.ctx = ctx;
        this.iam = iam;
        this.calculator = new LastAccessedCalculator(ctx.catalog());
    }

    SandboxResponse generate(SandboxRequest r) {
        String arn = r.param("Arn");
        String granularity = r.param("Granularity") == null ? "SERVICE_LEVEL" : r.param("Granularity");
        if (!granularity.equals("SERVICE_LEVEL") && !granularity.equals("ACTION_LEVEL")) {
            throw QueryHandler.validation("1 validation error detected: Value '" + granularity + "' at 'granularity'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [SERVICE_LEVEL, ACTION_LEVEL]");
        }
        if (arn == null || new PrincipalPolicies(iam.directory(r)).documents(arn) == null) {
            throw IamHandler.noSuchEntity("The entity with ARN " + arn + " cannot be found.");
        }
        LastAccessedJobs.Job job = ctx.lastAccessedJobs().start(r.caller().accountId(), arn,
                granularity.equals("ACTION_LEVEL"), Instant.now());
        return iam.ok(r, x -> x.el("JobId", job.id()));
    }

    SandboxResponse get(SandboxRequest r) {
        LastAccessedJobs.Job job = ctx.lastAccessedJobs().find(r.param("JobId"), r.caller().accountId());
        if (job == null) {
            throw IamHandler.noSuchEntity("No job with ID " + r.param("JobId") + " was found.");
        }
        String jobType = job.actionLevel() ? "ACTION_LEVEL" : "SERVICE_LEVEL";
        if (!job.completed(Instant.now())) {
            return iam.ok(r, x -> x.el("JobStatus", "IN_PROGRESS").el("JobType", jobType)
                    .el("JobCreationDate", job.created()).empty("ServicesLastAccessed").el("IsTruncated", false));
        }
        IamDirectory dir = iam.directory(r);
        PrincipalPolicies principal = new PrincipalPolicies(dir);
        List<ServiceLine> lines = calculator.compute(principal.documents(job.arn()), principal.usageEntities(job.arn()),
                job.actionLevel(), dir);
        Pages.Page<ServiceLine> page = Pages.page(lines, "iam:sla:" + job.id(), r.param("Marker"),
                QueryHandler.maxItems(r), () -> new AwsException(400, "InvalidInput", "Invalid value for Marker"));
        return iam.ok(r, x -> {
            x.el("JobStatus", "COMPLETED").el("JobType", jobType).el("JobCreationDate", job.created())
                    .el("JobCompletionDate", job.ready());
            x.start("ServicesLastAccessed");
            for (ServiceLine s : page.items()) {
                x.start("member").el("ServiceName", s.name()).el("ServiceNamespace", s.namespace());
                if (s.lastAuthenticated() != null) {
                    x.el("LastAuthenticated", s.lastAuthenticated()).el("LastAuthenticatedEntity", s.entity())
                            .el("LastAuthenticatedRegion", s.region());
                }
                x.el("TotalAuthenticatedEntities", s.totalEntities());
                if (s.actions() != null) {
                    x.start("TrackedActionsLastAccessed");
                    for (LastAccessedCalculator.ActionLine a : s.actions()) {
                        x.start("member").el("ActionName", a.name());
                        if (a.lastAccessed() != null) {
                            x.el("LastAccessedEntity", a.entity()).el("LastAccessedTime", a.lastAccessed())
                                    .el("LastAccessedRegion", a.region());
                        }
                        x.end();
                    }
                    x.end();
                }
                x.end();
            }
            x.end().el("IsTruncated", page.truncated()).el("Marker", page.nextToken());
        });
    }
}
