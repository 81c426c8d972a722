package io.iamaudit.cli;

import io.iamaudit.IamAuditApplication;
import io.iamaudit.job.AuditJobRunner;
import io.iamaudit.job.RunResult;
import io.iamaudit.job.RunSettings;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Spring with the command's options, runs one job and turns its result into an exit code. Everything a user
 * can get wrong is checked by {@link Preflight} before the job starts; whatever still stops the command is reported
 * on one line ({@link FailureLine}).
 */
final class AuditLauncher {

    enum Mode { ORG_AUDIT, ACCOUNT_AUDIT, RESTART }

    /** Loggers that print stack traces for failures the command reports on one line anyway. */
    private static final List<String> QUIET_UNLESS_DEBUG = List.of("org.springframework.boot.SpringApplication",
            "org.springframework.boot.diagnostics", "org.springframework.batch.core.step.AbstractStep",
            "org.springframework.batch.core.job.AbstractJob", "com.zaxxer.hikari",
            // a failed context refresh warns with the whole cause chain on one huge line before our one-line reason
            "org.springframework.context");

    int launch(Mode mode, Map<String, String> options) {
        Map<String, String> props = new LinkedHashMap<>(options);
        Map<String, String> checked = new LinkedHashMap<>(props);
        if (mode == Mode.RESTART && checked.containsKey("iam-audit.output")) {
            // a restart's --output may be refused once the run's own is known: parse it, create nothing yet
            Preflight.parseOutput(checked.remove("iam-audit.output"));
        }
        Preflight.check(checked, props.containsKey("iam-audit.sandbox.scenario"));
        try (SandboxHandle sandbox = SandboxHandle.startIfRequested(props)) {
            sandbox.addClientProperties(props);
            try {
                return mode == Mode.RESTART ? restart(props) : run(mode, props);
            } catch (RuntimeException e) {
                throw new LaunchFailure(e, FailureLine.of(e, datasourceUrl(props), home(props)));
            }
        }
    }

    private int run(Mode mode, Map<String, String> props) {
        try (ConfigurableApplicationContext context = start(props)) {
            AuditJobRunner runner = context.getBean(AuditJobRunner.class);
            return report(props, mode == Mode.ORG_AUDIT ? runner.start("org-audit") : runner.start("account-audit"));
        }
    }

    /**
     * A restart resumes the run with the settings it was started with, read from the job repository: the restart's
     * own command line may repeat them but not change them (a different output would split one run across two
     * stores). Only the concurrency may change, since it does not change what is audited.
     */
    private int restart(Map<String, String> given) {
        Map<String, String> props = new LinkedHashMap<>(given);
        ConfigurableApplicationContext context = start(props);
        try {
            AuditJobRunner.ResumedRun resumed = context.getBean(AuditJobRunner.class).resumedRun();
            Map<String, String> current = RunSettings.of(context.getBean(io.iamaudit.job.AuditProperties.class));
            boolean changed = false;
            for (Map.Entry<String, String> kept : resumed.settings().entrySet()) {
                String key = kept.getKey();
                String asked = given.get(key);
                if (asked != null && !asked.equals(kept.getValue()) && !key.equals(RunSettings.CONCURRENCY)) {
                    throw new UsageException("restart: run " + resumed.runId() + " was started with "
                            + optionName(key) + " " + kept.getValue() + ", not " + asked
                            + "; a restart resumes it there (leave the option out)");
                }
                if (asked == null && !kept.getValue().equals(current.get(key))) {
                    props.put(key, kept.getValue());
                    changed = true;
                }
            }
            if (changed) {
                context.close();
                Preflight.check(props, props.containsKey("iam-audit.sandbox.scenario"));
                context = start(props);
            }
            return report(props, context.getBean(AuditJobRunner.class).restart());
        } finally {
            context.close();
        }
    }

    private static String optionName(String key) {
        return switch (key) {
            case RunSettings.OUTPUT -> "--output";
            case "iam-audit.role-name" -> "--role-name";
            case "iam-audit.external-id" -> "--external-id";
            case "iam-audit.exceptions-file" -> "--exceptions";
            default -> key;
        };
    }

    private static int report(Map<String, String> props, RunResult result) {
        if (json(props)) {
            // one JSON object like every other log line, so CloudWatch queries see the outcome
            LoggerFactory.getLogger("io.iamaudit.summary").info(result.summaryLine());
        } else {
            System.out.println(result.summaryLine());
        }
        return result.exitCode();
    }

    private static ConfigurableApplicationContext start(Map<String, String> props) {
        return new SpringApplicationBuilder(IamAuditApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(asArgs(props));
    }

    static boolean json(Map<String, String> props) {
        // the container sets IAM_AUDIT_LOG_FORMAT=json (CloudWatch); the option wins when given
        return "json".equals(props.getOrDefault("iam-audit.log-format", System.getenv("IAM_AUDIT_LOG_FORMAT")));
    }

    private static String[] asArgs(Map<String, String> props) {
        List<String> args = new ArrayList<>();
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        if (json(props)) {
            args.add("--logging.structured.format.console=ecs");
        }
        if (!IamAuditCli.debug()) {
            QUIET_UNLESS_DEBUG.forEach(logger -> args.add("--logging.level." + logger + "=OFF"));
        }
        return args.toArray(String[]::new);
    }

    /** The JDBC URL and home as Spring resolves them (options, environment, application.yml), to name them. */
    private static String datasourceUrl(Map<String, String> props) {
        return resolved(props, "spring.datasource.url");
    }

    private static Path home(Map<String, String> props) {
        String home = resolved(props, "iam-audit.home");
        return Path.of(home == null ? ".iam-audit" : home);
    }

    private static String resolved(Map<String, String> props, String key) {
        if (props.containsKey(key)) {
            return props.get(key);
        }
        try {
            ConfigurableEnvironment environment = QuarterlyReportCommand.configuration();
            if (props.containsKey("iam-audit.home")) {
                environment.getSystemProperties().put("iam-audit.home", props.get("iam-audit.home"));
            }
            return environment.getProperty(key);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
