package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Violation;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static io.iamaudit.analyze.rules.TrustAnyPrincipalRuleTest.trust;
import static org.assertj.core.api.Assertions.assertThat;

class TrustExternalBroadAccessRuleTest {
    private static final String VENDOR = "{\"AWS\":\"arn:aws:iam::999999999999:root\"}";
    private static final String EXTERNAL_ID = "{\"StringEquals\":{\"sts:ExternalId\":\"v-1\"}}";

    @Test
    void readOnlyOrAdminForAnExternalAccountFailsEvenWithAnExternalId() {
        var f = clean()
                .withPolicy(managed("ReadOnlyAccess", TrustExternalBroadAccessRule.READ_ONLY_ACCESS,
                        allow("s3:GetObject", "dynamodb:GetItem"), daysAgo(900)))
                .withRole(role("vendor-read").trust(trust(VENDOR, EXTERNAL_ID))
                        .attached("ReadOnlyAccess", TrustExternalBroadAccessRule.READ_ONLY_ACCESS))
                .withRole(role("vendor-admin").trust(trust(VENDOR, null)).inline("all", allow("*")));
        assertThat(violations(new TrustExternalBroadAccessRule(), f.build(), context()))
                .extracting(Violation::principalName, Violation::subject)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("vendor-read", "999999999999"),
                        org.assertj.core.groups.Tuple.tuple("vendor-admin", "999999999999"));
        assertThat(violations(new TrustExternalBroadAccessRule(), f.build(), context()))
                .filteredOn(v -> v.principalName().equals("vendor-read")).singleElement()
                .satisfies(v -> assertThat(v.evidence()).contains("ReadOnlyAccess (with an ExternalId)"));
    }

    @Test
    void securityAuditForAVendorOrReadOnlyWithinTheOrganizationPasses() {
        var f = clean()
                .withRole(role("vendor-audit").trust(trust(VENDOR, EXTERNAL_ID))
                        .attached("SecurityAudit", "arn:aws:iam::aws:policy/SecurityAudit"))
                .withRole(role("sibling-read").trust(trust("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", null))
                        .attached("ReadOnlyAccess", TrustExternalBroadAccessRule.READ_ONLY_ACCESS))
                .withRole(role("own-admin").inline("all", allow("*")));
        var ctx = context().withOrganizationAccountIds(Set.of("222222222222"));
        assertThat(violations(new TrustExternalBroadAccessRule(), f.build(), ctx)).isEmpty();
    }

    @Test
    void withoutAuthorizationDetailsItIsNotEvaluated() {
        var s = clean().missing(DataSet.AUTHORIZATION, "AccessDenied").build();
        assertThat(new TrustExternalBroadAccessRule().evaluate(s, context()))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
