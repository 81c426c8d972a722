package io.iamaudit.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the verify step asks IAM Access Analyzer ({@code iam-audit.access-analyzer-checks.*}).
 *
 * @param validatePolicy         ValidatePolicy on every proposed document (free of charge)
 * @param checkNoNewAccess       CheckNoNewAccess of every changed proposal against its original. Off by default:
 *                               AWS charges for each call (a custom policy check, see the Access Analyzer pricing
 *                               page), one per changed proposal per run
 * @param findingRecommendations GenerateFindingRecommendation / GetFindingRecommendation for every ACTIVE
 *                               UnusedPermission finding (free of charge)
 */
@ConfigurationProperties("iam-audit.access-analyzer-checks")
public record AccessAnalyzerCheckProperties(@DefaultValue("true") boolean validatePolicy,
                                            @DefaultValue("false") boolean checkNoNewAccess,
                                            @DefaultValue("true") boolean findingRecommendations) {
}
