package io.iamaudit.collect;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;

import java.time.Clock;

/**
 * What one partition of the collect step does for its account: enter it, collect it, and turn the outcome into the
 * account's coverage row. An account that cannot be entered or read becomes FAILED with AWS's reason; it never
 * stops the other partitions.
 */
public final class AccountPartition {

    private final AwsClientFactory factory;
    private final AccountCollector collector;
    private final AssumeRoleSettings role;
    private final String managementAccountId;
    private final Clock clock;

    public AccountPartition(AwsClientFactory factory, AccountCollector collector, AssumeRoleSettings role,
                            String managementAccountId, Clock clock) {
        this.factory = factory;
        this.collector = collector;
        this.role = role;
        this.managementAccountId = managementAccountId;
        this.clock = clock;
    }

    /** The account's coverage, and its snapshot unless it FAILED. */
    public record Result(AccountCoverage coverage, AccountSnapshot snapshot) {
    }

    public Result collect(String runId, AccountRef account, OrgAnalyzers org) {
        return collect(runId, account, org, false);
    }

    /** @param findingsReadOrganizationWide see {@link AccountCollector#collect(AccountSession, AccountRef, OrgAnalyzers, boolean)} */
    public Result collect(String runId, AccountRef account, OrgAnalyzers org, boolean findingsReadOrganizationWide) {
        CallCounter counter = new CallCounter();
        try (AccountSession session = AccountSession.open(factory, account.accountId(), managementAccountId, role,
                counter)) {
            AccountCollection collection = collector.collect(session, account, org, findingsReadOrganizationWide);
            return new Result(collection.coverage(runId), collection.snapshot());
        } catch (AccountAccessException e) {
            return new Result(new AccountCoverage(runId, account.accountId(), account.name(), account.ouPath(),
                    AccountCoverage.Status.FAILED, e.getMessage(), clock.instant(), counter.counts()), null);
        }
    }
}
