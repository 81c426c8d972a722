package io.iamaudit.analyze;

import io.iamaudit.stage.AccountSnapshot;

import java.util.List;

/**
 * Base of every rule: checks the data sets its metadata declares before {@link #check} runs, so no rule can forget
 * the "missing data is not a pass" gate.
 */
public abstract class BaseRule implements Rule {

    private final RuleMetadata metadata;

    protected BaseRule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final RuleResult evaluate(AccountSnapshot snapshot, AnalysisContext context) {
        for (DataSet needed : metadata.dataSets()) {
            String reason = needed.missingReason(snapshot);
            if (reason != null) {
                return new RuleResult.NotEvaluated(needed, reason);
            }
        }
        try {
            return new RuleResult.Evaluated(List.copyOf(check(snapshot, context)));
        } catch (NotEvaluatedException e) {
            return new RuleResult.NotEvaluated(e.dataSet(), e.getMessage());
        }
    }

    /** Runs with every declared data set present. */
    protected abstract List<Violation> check(AccountSnapshot snapshot, AnalysisContext context);
}
