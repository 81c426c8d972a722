package io.iamaudit.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional import into AWS Security Hub ({@code iam-audit.security-hub.*}, {@code --security-hub}).
 *
 * @param enabled        off by default: it needs securityhub:BatchImportFindings in every audit role and Security Hub
 *                       enabled in every account (docs/exports.md)
 * @param callsPerSecond pace of BatchImportFindings calls, all accounts together (AWS's quota is 10 per second with
 *                       a burst of 30, per account and region; one account is sent at a time, so 5 leaves headroom)
 */
@ConfigurationProperties("iam-audit.security-hub")
public record SecurityHubProperties(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("5") double callsPerSecond) {
}
