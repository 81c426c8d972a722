package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code java -jar iam-audit.jar <command> [options]}. */
@Command(name = "iam-audit", mixinStandardHelpOptions = true, versionProvider = IamAuditCli.Version.class,
        description = "Audits identity management across an AWS Organization and writes auditor workbooks.",
        subcommands = {OrgAuditCommand.class, AccountAuditCommand.class, RulesCommand.class, SandboxCommand.class,
                RestartCommand.class, QuarterlyReportCommand.class})
public class IamAuditCli implements Runnable {

    /** Inherited by every command; read through {@link #debug()}, since the launcher runs below picocli. */
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, print the stack trace and keep Spring's and Spring Batch's error logs.")
    boolean debugOption;

    private static volatile boolean debug;

    static boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    /**
     * The jar's entry point. The command line is parsed and validated before Spring starts, so a bad value costs a
     * one-line error and exit code 2, not a stack trace after work began.
     */
    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with commands made by {@code factory} (tests fix the clock). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new IamAuditCli(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("iam-audit: " + ex.getMessage());
            err.flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            FailureLine failure = ex instanceof LaunchFailure launch ? launch.line()
                    : FailureLine.of(ex, null, java.nio.file.Path.of(".iam-audit"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.println("iam-audit: " + failure.line());
            err.flush();
            return failure.exitCode();
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = IamAuditCli.class.getPackage().getImplementationVersion();
            return new String[]{"iam-audit " + (v == null ? "dev" : v)};
        }
    }
}
