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

class RootHardwareMfaRuleTest {
    @Test
    void virtualRootMfaFails() {
        var f = clean().withVirtualMfa(new MfaDevice("arn:aws:iam::111111111111:mfa/root-account-mfa-device",
                "arn:aws:iam::111111111111:root"));
        assertThat(violations(new RootHardwareMfaRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("virtual device"));
    }

    @Test
    void noMfaAtAllFailsToo() {
        assertThat(violations(new RootHardwareMfaRule(), clean().withSummary("AccountMFAEnabled", 0)))
                .singleElement().satisfies(x -> assertThat(x.evidence()).contains("no MFA device at all"));
    }

    @Test
    void hardwareMfaPassesEvenWithVirtualDevicesOfUsers() {
        var f = clean().withVirtualMfa(new MfaDevice("arn:aws:iam::111111111111:mfa/alice", arn("user", "alice")));
        assertThat(violations(new RootHardwareMfaRule(), f)).isEmpty();
    }
}
