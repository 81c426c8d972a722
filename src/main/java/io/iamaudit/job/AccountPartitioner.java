package io.iamaudit.job;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition per account still to collect: PENDING (never finished) or FAILED (a previous attempt could not get
 * in). Accounts already AUDITED in this run are not collected again, which is what makes a restart resume.
 */
class AccountPartitioner implements Partitioner {

    static final String ACCOUNT_ID = "accountId";

    private final StagingRepository staging;
    private final String runId;

    AccountPartitioner(StagingRepository staging, String runId) {
        this.staging = staging;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (AccountCoverage c : staging.coverage(runId)) {
            if (c.status() == AccountCoverage.Status.PENDING || c.status() == AccountCoverage.Status.FAILED) {
                ExecutionContext context = new ExecutionContext();
                context.putString(ACCOUNT_ID, c.accountId());
                partitions.put("account-" + c.accountId(), context);
            }
        }
        return partitions;
    }
}
