package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.RuleMetadata;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;

import java.util.List;

/**
 * Base of the rules on one sensitive action allowed on {@code Resource: "*"} by a principal's own policies (full
 * administrators excluded: IAM.POLICY.FULL_ADMIN covers them).
 */
abstract class WildcardResourceGrantRule extends BaseRule {
    private final String action;

    WildcardResourceGrantRule(RuleMetadata metadata, String action) {
        super(metadata);
        this.action = action;
    }

    @Override
    protected final List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return PrincipalPolicies.all(Evidence.auth(s))
                .filter(p -> p.sources().stream().noneMatch(PolicyChecks::grantsFullAdmin))
                .flatMap(p -> p.sources().stream()
                        .filter(src -> src.parsed().map(d -> Grants.allowsOnEveryResource(List.of(d), action))
                                .orElse(false))
                        .map(src -> p.violation(src.label() + " allows " + action + " on Resource *")
                                .withSubject(src.label())))
                .toList();
    }
}
