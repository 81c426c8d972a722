package io.iamaudit.analyze;

import io.iamaudit.stage.AccountSnapshot;

/**
 * One check: its metadata and a pure evaluation over a staged snapshot. A rule never calls AWS and never turns
 * missing data into a pass: when an input data set was not collected the result is {@link RuleResult.NotEvaluated}.
 */
public interface Rule {

    RuleMetadata metadata();

    RuleResult evaluate(AccountSnapshot snapshot, AnalysisContext context);

    default String id() {
        return metadata().id();
    }
}
