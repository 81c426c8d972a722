package io.iamaudit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Resumes the newest run that did not publish: only the accounts not yet audited are collected again. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Resume the last failed or interrupted run: collect only unfinished or failed accounts, then analyze, report and publish the whole run.")
class RestartCommand implements Callable<Integer> {

    @Mixin
    AuditOptions options = new AuditOptions();

    @Override
    public Integer call() {
        return new AuditLauncher().launch(AuditLauncher.Mode.RESTART, options.properties());
    }
}
