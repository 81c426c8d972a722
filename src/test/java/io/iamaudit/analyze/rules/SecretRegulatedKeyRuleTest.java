package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.stage.AccountSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.rules.SecretFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretRegulatedKeyRuleTest {
    private final SecretRegulatedKeyRule rule = new SecretRegulatedKeyRule();
    private final AnalysisContext regulatedSetting = context()
            .withThresholds(Thresholds.defaults().withRegulatedDataTag("data-classification=regulated"));

    private static AccountSnapshot tagged(String value, io.iamaudit.stage.Secret... secrets) {
        AccountSnapshot s = clean().withSecretRegion(read(secrets)).build();
        var a = s.account();
        return new AccountSnapshot(new io.iamaudit.stage.AccountRef(a.accountId(), a.name(), a.email(), a.state(),
                a.ouPath(), Map.of("data-classification", value)), s.collectedAt(), s.credentialReport(),
                s.authorization(), s.passwordPolicy(), s.summary(), s.identityProviders(), s.virtualMfaDevices(),
                s.serverCertificates(), s.lastAccessed(), s.accessAnalyzer(), s.organizationFeatures(), s.secrets());
    }

    @Test
    void regulatedAccountWithTheAwsManagedKeyFailsBesideACustomerManagedKey() {
        var s = tagged("regulated", key(kept("default"), null), key(kept("alias"), "alias/aws/secretsmanager"),
                kept("cmk"));
        assertThat(violations(rule, s, regulatedSetting)).extracting(v -> v.principalName())
                .containsExactlyInAnyOrder("default (eu-west-1)", "alias (eu-west-1)");
    }

    @Test
    void unregulatedAccountOrNoSettingPasses() {
        assertThat(violations(rule, tagged("public", key(kept("default"), null)), regulatedSetting)).isEmpty();
        var noSetting = context().withThresholds(Thresholds.defaults().withRegulatedDataTag(""));
        assertThat(violations(rule, tagged("regulated", key(kept("default"), null)), noSetting)).isEmpty();
    }

    @Test
    void regulatedAccountWithADeniedRegionIsNotEvaluated() {
        AccountSnapshot s = tagged("regulated", kept("cmk"));
        var withDenied = s.withSecrets(io.iamaudit.stage.Collected.of(new io.iamaudit.stage.SecretsInventory(
                java.util.List.of(read(kept("cmk")), denied("us-east-2")))));
        assertThat(rule.evaluate(withDenied, regulatedSetting)).isInstanceOf(RuleResult.NotEvaluated.class);
    }
}
