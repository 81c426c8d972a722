package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class NoFederationRuleTest {
    @Test
    void humanUsersWithoutFederationFail() {
        var f = clean().withoutIdentityProviders().withUser(user("alice").console(daysAgo(1)).mfa());
        assertThat(violations(new NoFederationRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).startsWith("1 console IAM user"));
    }

    @Test
    void federationOrNoHumansPasses() {
        assertThat(violations(new NoFederationRule(), clean().withUser(user("alice").console(daysAgo(1))))).isEmpty();
        assertThat(violations(new NoFederationRule(), clean().withoutIdentityProviders()
                .withUser(user("ci").key(daysAgo(1), daysAgo(1))))).isEmpty();
    }
}
