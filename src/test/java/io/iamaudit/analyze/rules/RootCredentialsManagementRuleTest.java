package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Collected;
import io.iamaudit.stage.OrganizationFeatures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

class RootCredentialsManagementRuleTest {

    private static final RootCredentialsManagementRule RULE = new RootCredentialsManagementRule();

    private static AccountSnapshot readHere(Collected<OrganizationFeatures> features) {
        return clean().build().withOrganizationFeatures(features);
    }

    private static AccountSnapshot withFeatures(String... features) {
        return readHere(Collected.of(new OrganizationFeatures("o-abcdefghij", true, List.of(features))));
    }

    @Test
    void bothFeaturesOnPasses() {
        assertThat(violations(RULE, withFeatures("RootCredentialsManagement", "RootSessions"), context())).isEmpty();
    }

    @Test
    void rootCredentialsManagementAloneIsWhatTheControlAsks() {
        assertThat(violations(RULE, withFeatures("RootCredentialsManagement"), context())).isEmpty();
    }

    @Test
    void trustedAccessWithoutTheFeatureFails() {
        assertThat(violations(RULE, withFeatures(), context())).singleElement()
                .satisfies(v -> assertThat(v.evidence()).isEqualTo(
                        "organization o-abcdefghij: root credentials management is off (enabled features: none)"));
    }

    /** Look-alike: root sessions on is not root credentials management on. */
    @Test
    void rootSessionsAloneStillFails() {
        assertThat(violations(RULE, withFeatures("RootSessions"), context())).singleElement()
                .satisfies(v -> assertThat(v.evidence()).contains("enabled features: RootSessions"));
    }

    @Test
    void noTrustedAccessForIamFails() {
        var s = readHere(Collected.of(new OrganizationFeatures(null, false, List.of())));
        assertThat(violations(RULE, s, context())).singleElement()
                .satisfies(v -> assertThat(v.evidence()).startsWith("trusted access for IAM is not enabled"));
    }

    @Test
    void aFailedReadIsNotEvaluated() {
        var s = readHere(Collected.failed("AccountNotManagementOrDelegatedAdministratorException: not the management"));
        assertThat(RULE.evaluate(s, context())).isInstanceOfSatisfying(RuleResult.NotEvaluated.class, ne -> {
            assertThat(ne.missing()).isEqualTo(DataSet.ORGANIZATION_FEATURES);
            assertThat(ne.error()).contains("AccountNotManagementOrDelegatedAdministratorException");
        });
    }

    /** Accounts other than the runner's have no organization-wide data of their own: nothing to answer for there. */
    @Test
    void anAccountWhereTheFeaturesAreNotReadRaisesNothing() {
        assertThat(RULE.evaluate(clean().build(), context()))
                .isEqualTo(new RuleResult.Evaluated(List.of()));
    }
}
