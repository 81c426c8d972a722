package io.iamaudit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** The nightly job: every account of the organization. */
@Command(name = "org-audit", mixinStandardHelpOptions = true,
        description = "Audit every account of the AWS Organization and publish the reports.")
class OrgAuditCommand implements Callable<Integer> {

    @Mixin
    AuditOptions options = new AuditOptions();

    @Mixin
    FilterOptions filters = new FilterOptions();

    @Option(names = "--restart", description = "Resume the last failed or interrupted run instead of starting a new one.")
    boolean restart;

    @Override
    public Integer call() {
        Map<String, String> props = options.properties();
        filters.addTo(props);
        return new AuditLauncher().launch(restart ? AuditLauncher.Mode.RESTART : AuditLauncher.Mode.ORG_AUDIT, props);
    }
}
