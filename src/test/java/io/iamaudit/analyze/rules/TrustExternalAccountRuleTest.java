package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TrustExternalAccountRuleTest {
    @Test
    void externalAccountWithoutExternalIdFails() {
        var f = clean().withRole(role("vendor").trust(TrustAnyPrincipalRuleTest.trust(
                "{\"AWS\":[\"arn:aws:iam::999999999999:root\",\"222222222222\"]}", null)));
        var ctx = context().withOrganizationAccountIds(Set.of("222222222222"));
        assertThat(violations(new TrustExternalAccountRule(), f.build(), ctx)).singleElement()
                .satisfies(x -> assertThat(x.subject()).isEqualTo("999999999999"));
    }

    @Test
    void externalIdOrOwnOrganizationPasses() {
        var f = clean().withRole(role("vendor").trust(TrustAnyPrincipalRuleTest.trust(
                "{\"AWS\":\"arn:aws:iam::999999999999:root\"}", "{\"StringEquals\":{\"sts:ExternalId\":\"x-123\"}}")))
                .withRole(role("sibling").trust(TrustAnyPrincipalRuleTest.trust(
                        "{\"AWS\":\"arn:aws:iam::222222222222:role/ci\"}", null)))
                .withRole(role("lambda").trust(TrustAnyPrincipalRuleTest.trust(
                        "{\"Service\":\"lambda.amazonaws.com\"}", null)));
        var ctx = context().withOrganizationAccountIds(Set.of("222222222222"));
        assertThat(violations(new TrustExternalAccountRule(), f.build(), ctx)).isEmpty();
    }
}
