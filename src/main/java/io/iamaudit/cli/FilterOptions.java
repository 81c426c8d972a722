package io.iamaudit.cli;

import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/** Which accounts of the organization a run covers. Filtered-out accounts are recorded as skipped, with the reason. */
public class FilterOptions {

    @Option(names = "--include-account", paramLabel = "ID", split = ",", description = "Audit only these account ids.")
    List<String> includeAccounts;

    @Option(names = "--exclude-account", paramLabel = "ID", split = ",", description = "Skip these account ids.")
    List<String> excludeAccounts;

    @Option(names = "--include-ou", paramLabel = "OU", split = ",", description = "Audit only these OU subtrees (OU id or name path such as Root/Workloads).")
    List<String> includeOus;

    @Option(names = "--exclude-ou", paramLabel = "OU", split = ",", description = "Skip these OU subtrees.")
    List<String> excludeOus;

    @Option(names = "--include-tag", paramLabel = "KEY=VALUE", split = ",", description = "Audit only accounts with this tag.")
    List<String> includeTags;

    @Option(names = "--exclude-tag", paramLabel = "KEY=VALUE", split = ",", description = "Skip accounts with this tag.")
    List<String> excludeTags;

    void addTo(Map<String, String> p) {
        AuditOptions.orEmpty(includeAccounts).forEach(a -> InputValidation.accountId(a, "--include-account"));
        AuditOptions.orEmpty(excludeAccounts).forEach(a -> InputValidation.accountId(a, "--exclude-account"));
        AuditOptions.orEmpty(includeOus).forEach(o -> InputValidation.ouFilter(o, "--include-ou"));
        AuditOptions.orEmpty(excludeOus).forEach(o -> InputValidation.ouFilter(o, "--exclude-ou"));
        AuditOptions.orEmpty(includeTags).forEach(t -> InputValidation.tag(t, "--include-tag"));
        AuditOptions.orEmpty(excludeTags).forEach(t -> InputValidation.tag(t, "--exclude-tag"));
        AuditOptions.putList(p, "iam-audit.filters.include-accounts", includeAccounts);
        AuditOptions.putList(p, "iam-audit.filters.exclude-accounts", excludeAccounts);
        AuditOptions.putList(p, "iam-audit.filters.include-ous", includeOus);
        AuditOptions.putList(p, "iam-audit.filters.exclude-ous", excludeOus);
        AuditOptions.putList(p, "iam-audit.filters.include-tags", includeTags);
        AuditOptions.putList(p, "iam-audit.filters.exclude-tags", excludeTags);
    }
}
