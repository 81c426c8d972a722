package io.iamaudit.analyze;

import java.util.List;

/** What a rule found: either the violations (none = pass) or why it could not be evaluated. */
public sealed interface RuleResult {

    /** The rule ran; an empty list is a pass. */
    record Evaluated(List<Violation> violations) implements RuleResult {
        public Evaluated {
            violations = List.copyOf(violations);
        }
    }

    /** An input data set was not collected: the rule cannot say anything, in particular not "pass". */
    record NotEvaluated(DataSet missing, String error) implements RuleResult {
    }
}
