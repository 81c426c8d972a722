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

class TrustAnyPrincipalRuleTest {
    static String trust(String principal, String condition) {
        return "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    @Test
    void anyPrincipalFails() {
        var f = clean().withRole(role("open").trust(trust("\"*\"", null)))
                .withRole(role("open2").trust(trust("{\"AWS\":[\"*\"]}", null)));
        assertThat(violations(new TrustAnyPrincipalRule(), f)).hasSize(2);
    }

    @Test
    void anyPrincipalNarrowedToTheOrganizationPasses() {
        var f = clean().withRole(role("org").trust(trust("{\"AWS\":\"*\"}",
                "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}")));
        assertThat(violations(new TrustAnyPrincipalRule(), f)).isEmpty();
    }
}
