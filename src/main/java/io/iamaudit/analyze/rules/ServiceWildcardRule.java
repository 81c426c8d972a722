package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.Severity;
import io.iamaudit.policy.PolicyDocument;

import java.util.List;
import java.util.Optional;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Customer managed policies do not allow whole services ({@code service:*} or {@code *}). */
public final class ServiceWildcardRule extends BaseRule {
    public ServiceWildcardRule() {
        super(rule("IAM.POLICY.SERVICE_WILDCARD", "Customer policies do not allow service:*", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02").securityHub("IAM.21")
                .rationale("A service wildcard grants every current and future action of the service, including "
                        + "its administrative ones.")
                .remediation("List the actions needed (the least-privilege sheet proposes them from usage).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).policies().stream().filter(p -> !p.awsManaged())
                .flatMap(p -> parse(p).map(doc -> PolicyChecks.serviceWildcards(doc)).filter(w -> !w.isEmpty())
                        .map(w -> Violation.of("Policy", p.policyName(), p.arn(), "allows " + String.join(", ", w)
                                + " (attached " + p.attachmentCount() + " time(s))")).stream())
                .toList();
    }

    static Optional<PolicyDocument> parse(ManagedPolicy p) {
        return io.iamaudit.analyze.PolicySource.parse(p.defaultDocument());
    }
}
