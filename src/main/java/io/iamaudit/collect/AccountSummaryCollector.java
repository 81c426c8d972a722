package io.iamaudit.collect;

import io.iamaudit.stage.AccountSummary;
import software.amazon.awssdk.services.iam.IamClient;

/** GetAccountSummary: counts and the root account's MFA and access-key flags. */
public final class AccountSummaryCollector {

    private final IamClient iam;

    public AccountSummaryCollector(IamClient iam) {
        this.iam = iam;
    }

    public AccountSummary collect() {
        return new AccountSummary(iam.getAccountSummary().summaryMapAsStrings());
    }
}
