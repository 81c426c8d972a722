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

class ConsoleUsersWithFederationRuleTest {
    @Test
    void consoleUserWhileSamlServesTheAccountFails() {
        var f = clean().withUser(user("alice").console(daysAgo(1)).mfa());
        assertThat(violations(new ConsoleUsersWithFederationRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("SAML provider"));
    }

    @Test
    void identityCenterRolesCountAsFederation() {
        var f = clean().withoutIdentityProviders().withUser(user("alice").console(daysAgo(1)).mfa())
                .withRole(role("AWSReservedSSO_Admin_0123").path("/aws-reserved/sso.amazonaws.com/"));
        assertThat(violations(new ConsoleUsersWithFederationRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("IAM Identity Center"));
    }

    @Test
    void consoleUserWithoutAnyFederationIsLeftToTheOtherRule() {
        var f = clean().withoutIdentityProviders().withUser(user("alice").console(daysAgo(1)).mfa());
        assertThat(violations(new ConsoleUsersWithFederationRule(), f)).isEmpty();
    }
}
