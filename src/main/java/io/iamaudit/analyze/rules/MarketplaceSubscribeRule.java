package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Customer managed and inline policies allowing {@code aws-marketplace:Subscribe} on every resource, by name or
 * through a wildcard or NotAction (Prowler iam_policy_no_wildcard_marketplace_subscribe and its inline variant):
 * whoever holds them can buy any Marketplace product on the organization's bill. Full-administrator statements are
 * left to IAM.POLICY.FULL_ADMIN.
 */
public final class MarketplaceSubscribeRule extends BaseRule {
    static final String SUBSCRIBE = "aws-marketplace:Subscribe";

    public MarketplaceSubscribeRule() {
        super(rule("IAM.POLICY.MARKETPLACE_SUBSCRIBE_ANY", "No policy allows aws-marketplace:Subscribe on every "
                + "product", Severity.MEDIUM)
                .wellArchitected("SEC03-BP02")
                .rationale("Subscribing commits the organization to a vendor's charges and can bring in software "
                        + "nobody reviewed.")
                .remediation("Restrict aws-marketplace:Subscribe to the approved product ids with the "
                        + "aws-marketplace:ProductId condition, or leave it to a procurement role.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return PrincipalPolicies.all(Evidence.auth(s)).flatMap(p -> p.sources().stream()
                        .filter(src -> !src.awsManaged() && allowsSubscribeEverywhere(src))
                        .map(src -> p.violation(src.label() + " allows " + SUBSCRIBE + " on *")
                                .withSubject(src.arn() != null ? src.arn() : src.name())))
                .distinct().toList();
    }

    private static boolean allowsSubscribeEverywhere(PolicySource src) {
        return src.parsed().map(doc -> doc.allows().stream().anyMatch(st -> st.coversAction(SUBSCRIBE)
                && st.allResources() && !Grants.isFullAdminStatement(st)
                && !TrustPolicies.conditionUses(st, java.util.Set.of("aws-marketplace:productid")))).orElse(false);
    }
}
