package io.iamaudit.analyze;

import io.iamaudit.analyze.exceptions.ExceptionSet;
import io.iamaudit.stage.AccountSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What an analysis needs besides the snapshot.
 *
 * @param clock                  "now" for exception expiry; ages are measured from the snapshot's collection time
 *                               (see {@link #asOf}), so re-analysing a staged run gives the same findings
 * @param organizationAccountIds the organization's accounts: trust to them is not "external"; empty when unknown
 * @param managementAccountId    the organization's management account; {@code null} when unknown (then no account
 *                               is known to be a member, and member-only rules are not evaluated)
 */
public record AnalysisContext(String runId, Clock clock, Thresholds thresholds, ExceptionSet exceptions,
                              Set<String> organizationAccountIds, String managementAccountId) {

    public AnalysisContext(String runId, Clock clock, Thresholds thresholds, ExceptionSet exceptions,
                           Set<String> organizationAccountIds) {
        this(runId, clock, thresholds, exceptions, organizationAccountIds, null);
    }

    public AnalysisContext {
        thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
        exceptions = exceptions == null ? ExceptionSet.none() : exceptions;
        organizationAccountIds = organizationAccountIds == null ? Set.of() : Set.copyOf(organizationAccountIds);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static AnalysisContext of(String runId, Clock clock) {
        return new AnalysisContext(runId, clock, Thresholds.defaults(), ExceptionSet.none(), Set.of());
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** The instant the snapshot describes: its collection time, or now when it has none. */
    public Instant asOf(AccountSnapshot snapshot) {
        return snapshot.collectedAt() != null ? snapshot.collectedAt() : now();
    }

    public AnalysisContext withThresholds(Thresholds t) {
        return new AnalysisContext(runId, clock, t, exceptions, organizationAccountIds, managementAccountId);
    }

    public AnalysisContext withExceptions(ExceptionSet e) {
        return new AnalysisContext(runId, clock, thresholds, e, organizationAccountIds, managementAccountId);
    }

    public AnalysisContext withOrganizationAccountIds(Set<String> ids) {
        return new AnalysisContext(runId, clock, thresholds, exceptions, ids, managementAccountId);
    }

    public AnalysisContext withManagementAccountId(String id) {
        return new AnalysisContext(runId, clock, thresholds, exceptions, organizationAccountIds, id);
    }

    /** Whether the snapshot's account is known to be a member account (not the management account). */
    public boolean memberAccount(AccountSnapshot snapshot) {
        return managementAccountId != null && !managementAccountId.equals(snapshot.account().accountId());
    }
}
