package io.iamaudit.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options shared by the audit commands. Each is also settable in application.yml or the environment
 * ({@code iam-audit.role-name} / {@code IAM_AUDIT_ROLE_NAME}); a command-line value wins.
 */
public class AuditOptions {

    @Option(names = "--output", paramLabel = "URI", description = "Where reports go: s3://bucket/prefix or file:DIR (default: file:./reports).")
    String output;

    @Option(names = "--role-name", paramLabel = "NAME", description = "Role assumed in each member account (default OrganizationAccountAccessRole; IamAuditRole recommended).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "ExternalId the audit role's trust policy demands.")
    String externalId;

    @Option(names = "--concurrency", paramLabel = "N", description = "Accounts collected in parallel (default 8).")
    Integer concurrency;

    @Option(names = "--unused-days", paramLabel = "DAYS", description = "Credentials and permissions unused this long are reported (default 45; least-privilege window 90).")
    Integer unusedDays;

    @Option(names = "--exceptions", paramLabel = "FILE", description = "Exceptions file (identity pattern, rule, owner, reason, expiry).")
    String exceptions;

    @Option(names = "--sandbox", arity = "0..1", paramLabel = "SCENARIO", fallbackValue = "demo",
            description = "Start the embedded sandbox organization (the built-in demo, or --sandbox=FILE) and audit it.")
    String sandbox;

    @Option(names = "--sandbox-profile", paramLabel = "FILE", description = "Latency and fault profile for the sandbox.")
    String sandboxProfile;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default) or json (one JSON object per line, for CloudWatch).")
    String logFormat;

    @Option(names = "--security-hub", description = "Also import the findings into AWS Security Hub (BatchImportFindings, each account's with its audit role) and archive the ones this run resolved; needs securityhub:BatchImportFindings in the audit role (docs/exports.md).")
    boolean securityHub;

    /** Spring properties for the options that were given (unset options leave configuration to application.yml). */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "iam-audit.output", output);
        put(p, "iam-audit.role-name", roleName);
        put(p, "iam-audit.external-id", externalId);
        if (concurrency != null) {
            put(p, "iam-audit.concurrency", String.valueOf(InputValidation.positive(concurrency, "--concurrency")));
        }
        if (unusedDays != null) {
            put(p, "iam-audit.thresholds.unused-days", String.valueOf(InputValidation.positive(unusedDays, "--unused-days")));
        }
        if (exceptions != null) {
            put(p, "iam-audit.exceptions-file", InputValidation.readableFile(exceptions, "--exceptions").toString());
        }
        if (sandboxProfile != null) {
            put(p, "iam-audit.sandbox.profile", InputValidation.readableFile(sandboxProfile, "--sandbox-profile").toString());
        }
        if (sandbox != null) {
            // picocli gives an optional value anything that is not a known option: "--sandbox --bogus" must not
            // read a file named "--bogus" (scenario files are given as --sandbox=FILE, or a path not starting with -)
            if (sandbox.startsWith("-")) {
                throw new UsageException("Unknown option: '" + sandbox + "'");
            }
            if (!"demo".equals(sandbox)) {
                InputValidation.readableFile(sandbox, "--sandbox");
            }
            put(p, "iam-audit.sandbox.scenario", sandbox);
        }
        if (securityHub) {
            put(p, "iam-audit.security-hub.enabled", "true");
        }
        if (logFormat != null) {
            if (!List.of("text", "json").contains(logFormat)) {
                throw new UsageException("--log-format: '" + logFormat + "' is neither text nor json");
            }
            put(p, "iam-audit.log-format", logFormat);
        }
        return p;
    }

    static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    static void putList(Map<String, String> p, String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            p.put(key, String.join(",", values));
        }
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }
}
