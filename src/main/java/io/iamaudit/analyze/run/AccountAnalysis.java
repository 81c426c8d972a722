package io.iamaudit.analyze.run;

import io.iamaudit.stage.Finding;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.RuleOutcome;

import java.util.List;

/** Everything the analysis derives from one account's snapshot; what {@code StagingRepository.replaceAnalysis} saves. */
public record AccountAnalysis(String accountId, List<Finding> findings, List<RuleOutcome> outcomes,
                              List<LeastPrivilegeRecommendation> recommendations) {
    public AccountAnalysis {
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
        recommendations = List.copyOf(recommendations);
    }
}
