package io.iamaudit.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code iam-audit.*} configuration (application.yml, environment, command line).
 *
 * @param home          local working folder for the staging database and report staging
 * @param output        where reports are published: {@code s3://bucket/prefix} or {@code file:DIR}
 * @param concurrency   accounts collected in parallel; IAM throttles per account, so this scales until the shared
 *                      Organizations and Access Analyzer quotas bind
 * @param kmsKeyId      SSE-KMS key for published reports; empty means SSE-S3
 */
@ConfigurationProperties("iam-audit")
public record AuditProperties(@DefaultValue("./.iam-audit") Path home,
                              @DefaultValue("file:./reports") String output,
                              @DefaultValue("OrganizationAccountAccessRole") String roleName,
                              String externalId,
                              @DefaultValue("iam-audit") String sourceIdentity,
                              @DefaultValue("8") int concurrency,
                              @DefaultValue("text") String logFormat,
                              String exceptionsFile,
                              String kmsKeyId,
                              @DefaultValue Filters filters,
                              @DefaultValue Aws aws,
                              @DefaultValue Sandbox sandbox) {

    /** Which accounts a run covers; {@code requireIncluded} makes a missing included account a usage error. */
    public record Filters(@DefaultValue List<String> includeAccounts, @DefaultValue List<String> excludeAccounts,
                          @DefaultValue List<String> includeOus, @DefaultValue List<String> excludeOus,
                          @DefaultValue List<String> includeTags, @DefaultValue List<String> excludeTags,
                          @DefaultValue("false") boolean requireIncluded) {
    }

    /**
     * @param endpoint    one endpoint for every service (the sandbox); empty lets the SDK resolve endpoints itself
     * @param accessKeyId static credentials, set only for the sandbox; otherwise the default credential chain
     * @param throttlingBaseDelayMillis first backoff after throttling; 0 keeps the SDK's default
     * @param organizationsCallsPerSecond  pace of every Organizations call (one quota per organization); 0: unpaced
     * @param accessAnalyzerCallsPerSecond pace of the organization analyzers' calls in the delegated administrator
     *                                     (one quota for every account's findings); 0: unpaced
     * @param assumeRoleCallsPerSecond     pace of the AssumeRole calls into member accounts, which share the runner
     *                                     account's STS quota; 0: unpaced (AWS's STS quota is some hundreds per second
     *                                     per account and Region: set this when the account's is lower, or shared)
     */
    public record Aws(@DefaultValue("us-east-1") String region, String endpoint, @DefaultValue("8") int maxAttempts,
                      String accessKeyId, String secretAccessKey,
                      @DefaultValue("0") long throttlingBaseDelayMillis,
                      @DefaultValue("5") double organizationsCallsPerSecond,
                      @DefaultValue("5") double accessAnalyzerCallsPerSecond,
                      @DefaultValue("0") double assumeRoleCallsPerSecond) {
        @Override
        public String toString() {
            return "Aws[region=" + region + ", endpoint=" + endpoint + ", maxAttempts=" + maxAttempts + "]";
        }
    }

    /** Set by {@code --sandbox}: the scenario ("demo" or a file) and the latency/fault profile. */
    public record Sandbox(String scenario, String profile) {
    }

    /**
     * Values from application.yml or the environment ({@code IAM_AUDIT_CONCURRENCY=0}) get the same checks as the
     * command line's: binding fails, and the CLI reports the key and value on one line, exit 2.
     */
    public AuditProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("iam-audit.concurrency must be at least 1, got " + concurrency);
        }
        if (!"text".equals(logFormat) && !"json".equals(logFormat)) {
            throw new IllegalArgumentException("iam-audit.log-format must be text or json, got '" + logFormat + "'");
        }
        if (roleName == null || roleName.isBlank()) {
            throw new IllegalArgumentException("iam-audit.role-name must not be empty");
        }
        if (aws != null && aws.maxAttempts() < 1) {
            throw new IllegalArgumentException("iam-audit.aws.max-attempts must be at least 1, got " + aws.maxAttempts());
        }
        if (aws != null && (aws.organizationsCallsPerSecond() < 0 || aws.accessAnalyzerCallsPerSecond() < 0
                || aws.assumeRoleCallsPerSecond() < 0)) {
            throw new IllegalArgumentException("iam-audit.aws.*-calls-per-second must not be negative (0: unpaced)");
        }
    }
}
