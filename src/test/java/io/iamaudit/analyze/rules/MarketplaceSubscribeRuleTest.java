package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Violation;
import org.junit.jupiter.api.Test;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MarketplaceSubscribeRuleTest {
    @Test
    void subscribeOnEveryProductByNameOrWildcardFails() {
        var f = clean().withRole(role("buyer").inline("buy", allow("aws-marketplace:Subscribe")))
                .withRole(role("market").inline("all-market", allow("aws-marketplace:*")));
        assertThat(violations(new MarketplaceSubscribeRule(), f)).extracting(Violation::principalName)
                .containsExactlyInAnyOrder("buyer", "market");
    }

    @Test
    void productConditionedReadOnlyOrAdminStatementsPass() {
        String approved = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"aws-marketplace:Subscribe\","
                + "\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringEquals\":{\"aws-marketplace:ProductId\":"
                + "[\"prod-abc\"]}}}]}";
        var f = clean().withRole(role("approved").inline("p", approved))
                .withRole(role("viewer").inline("p", allow("aws-marketplace:ViewSubscriptions")))
                .withRole(role("admin").inline("p", allow("*")));
        assertThat(violations(new MarketplaceSubscribeRule(), f)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new MarketplaceSubscribeRule().evaluate(s, context())).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
