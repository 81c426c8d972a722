package io.iamaudit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** An engineer's rerun of one account after a fix: the same pipeline, its own run folder. */
@Command(name = "account-audit", mixinStandardHelpOptions = true,
        description = "Audit one account of the organization and publish its reports in a run folder of its own.")
class AccountAuditCommand implements Callable<Integer> {

    @Option(names = "--account-id", required = true, paramLabel = "ID", description = "The 12-digit account id.")
    String accountId;

    @Mixin
    AuditOptions options = new AuditOptions();

    @Override
    public Integer call() {
        Map<String, String> props = options.properties();
        props.put("iam-audit.filters.include-accounts", InputValidation.accountId(accountId, "--account-id"));
        props.put("iam-audit.filters.require-included", "true");
        return new AuditLauncher().launch(AuditLauncher.Mode.ACCOUNT_AUDIT, props);
    }
}
