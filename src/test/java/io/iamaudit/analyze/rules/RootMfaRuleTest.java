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

class RootMfaRuleTest {
    @Test
    void rootWithoutMfaFails() {
        List<Violation> v = violations(new RootMfaRule(), clean().withSummary("AccountMFAEnabled", 0));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.principalType()).isEqualTo("RootUser");
            assertThat(x.principalArn()).isEqualTo("arn:aws:iam::111111111111:root");
            assertThat(x.evidence()).contains("AccountMFAEnabled = 0");
        });
    }

    @Test
    void rootWithMfaPasses() {
        assertThat(violations(new RootMfaRule(), clean())).isEmpty();
    }
}
