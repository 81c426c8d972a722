package io.iamaudit.cli;

import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleCatalogFormatter;
import io.iamaudit.job.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Prints the rule catalog with its Well-Architected, CIS and Security Hub mappings. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Print the rule catalog.")
class RulesCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default), csv or markdown.")
    String format;

    @Spec
    CommandSpec spec;

    private final RuleCatalog catalog;

    RulesCommand() {
        this(io.iamaudit.analyze.rules.Rules.catalog());
    }

    /** Tests print a catalog of their own (the architecture recipe adds a rule the documented way). */
    RulesCommand(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        RuleCatalogFormatter.Format parsed;
        try {
            parsed = RuleCatalogFormatter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        spec.commandLine().getOut().print(RuleCatalogFormatter.format(catalog, parsed));
        spec.commandLine().getOut().flush();
        return ExitCode.COMPLETE;
    }
}
