package io.iamaudit.cli;

import io.iamaudit.IamAuditApplication;
import io.iamaudit.job.AuditJobRunner;
import io.iamaudit.job.RunResult;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Spring with the command's options, runs one job and turns its result into an exit code. Everything a user
 * can get wrong is checked by {@link Preflight} before the job starts.
 */
final class AuditLauncher {

    enum Mode { ORG_AUDIT, ACCOUNT_AUDIT, RESTART }

    int launch(Mode mode, Map<String, String> options) {
        Map<String, String> props = new LinkedHashMap<>(options);
        Preflight.check(props, props.containsKey("iam-audit.sandbox.scenario"));
        try (SandboxHandle sandbox = SandboxHandle.startIfRequested(props)) {
            sandbox.addClientProperties(props);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IamAuditApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(asArgs(props))) {
                AuditJobRunner runner = context.getBean(AuditJobRunner.class);
                RunResult result = switch (mode) {
                    case ORG_AUDIT -> runner.start("org-audit");
                    case ACCOUNT_AUDIT -> runner.start("account-audit");
                    case RESTART -> runner.restart();
                };
                System.out.println(result.summaryLine());
                return result.exitCode();
            }
        }
    }

    private static String[] asArgs(Map<String, String> props) {
        List<String> args = new ArrayList<>();
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        // the container sets IAM_AUDIT_LOG_FORMAT=json (CloudWatch); the option wins when given
        String format = props.getOrDefault("iam-audit.log-format", System.getenv("IAM_AUDIT_LOG_FORMAT"));
        if ("json".equals(format)) {
            args.add("--logging.structured.format.console=ecs");
        }
        return args.toArray(String[]::new);
    }
}
