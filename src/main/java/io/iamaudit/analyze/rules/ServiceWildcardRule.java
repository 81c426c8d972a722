package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.ServiceGrants;
import io.iamaudit.analyze.risk.ServiceGrants.WholeService;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No policy allows a whole service: customer managed policies (attached or not), AWS managed policies attached in the
 * account, and inline policies. "Whole" is decided through the action model, so {@code *}, {@code svc:*}, NotAction
 * and wildcards that together cover every action of a service all count, as Cloudsplaining's ServiceWildcard does.
 * AWS managed policies for service-linked roles ({@code /aws-service-role/}) are AWS's to define and are left out.
 */
public final class ServiceWildcardRule extends BaseRule {
    private static final PolicyVerdicts VERDICTS = new PolicyVerdicts(ServiceWildcardRule::grants);


    /**
     * Services whose full grant is not a finding: {@code support:*} (AWSSupportAccess) is what CIS 1.17 / Security Hub
     * IAM.18 ask every account to give its support role, and it reaches support cases, no resource of the account.
     */
    static final Set<String> EXEMPT = Set.of("support");

    /** Beyond this many services the evidence counts them and names the first few instead of listing all. */
    private static final int LISTED = 5;

    public ServiceWildcardRule() {
        super(rule("IAM.POLICY.SERVICE_WILDCARD", "Policies do not allow a whole service", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02").securityHub("IAM.21")
                .rationale("A service wildcard grants every current and future action of the service, including "
                        + "its administrative ones; Action \"*\", NotAction and broad wildcards grant them as surely "
                        + "as svc:*.")
                .remediation("List the actions needed (the least-privilege sheet proposes them from usage); replace "
                        + "AWS managed full-access policies with a customer policy of those actions.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return AuditedPolicies.judge(Evidence.auth(s), VERDICTS).toList();
    }

    static Optional<PolicyDocument> parse(ManagedPolicy p) {
        return PolicySource.parse(p.defaultDocument());
    }

    static Optional<String> grants(PolicyDocument doc) {
        if (Grants.isFullAdmin(doc)) {
            return Optional.empty(); // IAM.POLICY.FULL_ADMIN reports it: one finding for one document, not two
        }
        List<WholeService> whole = ServiceGrants.wholeServices(doc, ActionCatalog.bundled()).stream()
                .filter(w -> !EXEMPT.contains(w.prefix())).toList();
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        if (whole.size() <= LISTED) {
            return Optional.of("allows " + whole.stream().map(w -> w.prefix().equals(w.how().replace(":*", ""))
                    ? w.how() : w.prefix() + ":* (through " + w.how() + ")").collect(Collectors.joining(", ")));
        }
        String how = whole.stream().map(WholeService::how).distinct().limit(2).collect(Collectors.joining("; "));
        return Optional.of("allows all of " + whole.size() + " services (through " + how + "), e.g. "
                + whole.stream().limit(LISTED).map(WholeService::prefix).collect(Collectors.joining(", ")));
    }
}
