package io.iamaudit.job;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.StageJson;
import io.iamaudit.stage.StagingRepository;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One partition per account still to collect: PENDING (never finished) or FAILED (a previous attempt could not get
 * in). Accounts already AUDITED in this run are not collected again, which is what makes a restart resume.
 *
 * <p>Each partition's context carries its whole account (id, name, email, state, OU path, tags), read here with one
 * query for the run, so a partition never looks its account up among all the run's accounts.
 */
class AccountPartitioner implements Partitioner {

    static final String ACCOUNT_ID = "accountId";
    static final String ACCOUNT_NAME = "accountName";
    static final String ACCOUNT_EMAIL = "accountEmail";
    static final String ACCOUNT_STATE = "accountState";
    static final String OU_PATH = "ouPath";
    static final String ACCOUNT_TAGS = "accountTags";

    private final StagingRepository staging;
    private final String runId;

    AccountPartitioner(StagingRepository staging, String runId) {
        this.staging = staging;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, AccountRef> accounts = staging.accounts(runId).stream()
                .collect(Collectors.toMap(AccountRef::accountId, Function.identity(), (a, b) -> a));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (AccountCoverage c : toCollect()) {
            AccountRef account = accounts.get(c.accountId());
            if (account == null) {
                throw new IllegalStateException("account " + c.accountId() + " has coverage but is not in run " + runId);
            }
            partitions.put("account-" + c.accountId(), context(account));
        }
        return partitions;
    }

    /** The coverage rows of the accounts still to collect, in staging order. */
    List<AccountCoverage> toCollect() {
        return staging.coverage(runId).stream()
                .filter(c -> c.status() == AccountCoverage.Status.PENDING || c.status() == AccountCoverage.Status.FAILED)
                .toList();
    }

    static ExecutionContext context(AccountRef account) {
        ExecutionContext context = new ExecutionContext();
        context.putString(ACCOUNT_ID, account.accountId());
        context.putString(ACCOUNT_NAME, nullToEmpty(account.name()));
        context.putString(ACCOUNT_EMAIL, nullToEmpty(account.email()));
        context.putString(ACCOUNT_STATE, nullToEmpty(account.state()));
        context.putString(OU_PATH, nullToEmpty(account.ouPath()));
        context.putString(ACCOUNT_TAGS, StageJson.write(account.tags()));
        return context;
    }

    /** The account a partition's context carries. */
    @SuppressWarnings("unchecked")
    static AccountRef account(ExecutionContext context) {
        Map<String, String> tags = StageJson.read(context.getString(ACCOUNT_TAGS, "{}"), Map.class);
        return new AccountRef(context.getString(ACCOUNT_ID), emptyToNull(context.getString(ACCOUNT_NAME, "")),
                emptyToNull(context.getString(ACCOUNT_EMAIL, "")), emptyToNull(context.getString(ACCOUNT_STATE, "")),
                emptyToNull(context.getString(OU_PATH, "")), tags);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
