package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Customer managed policies do not use NotAction with Allow (it grants everything not listed, now and later). */
public final class NotActionAllowRule extends BaseRule {
    public NotActionAllowRule() {
        super(rule("IAM.POLICY.NOT_ACTION_ALLOW", "Customer policies do not Allow with NotAction", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("Allow + NotAction grants every action of every service except a few, including "
                        + "services AWS launches tomorrow.")
                .remediation("Rewrite as an Allow of the needed actions, with a Deny for the exclusions if needed.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).policies().stream().filter(p -> !p.awsManaged())
                .flatMap(p -> ServiceWildcardRule.parse(p).stream()
                        .flatMap(doc -> PolicyChecks.notActionAllows(doc).stream().limit(1))
                        .map(st -> Violation.of("Policy", p.policyName(), p.arn(), "Allow with NotAction "
                                + st.actions().stream().map(ActionPattern::text).toList())))
                .toList();
    }
}
