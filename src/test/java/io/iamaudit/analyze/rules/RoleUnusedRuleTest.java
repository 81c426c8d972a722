package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RoleUnusedRuleTest {
    @Test
    void roleUnusedFor120DaysOrNeverFails() {
        var f = clean().withRole(role("old").lastUsed(daysAgo(120))).withRole(role("never").lastUsed(null));
        assertThat(violations(new RoleUnusedRule(), f)).extracting(Violation::principalName)
                .containsExactlyInAnyOrder("old", "never");
    }

    @Test
    void usedYoungAndServiceLinkedRolesPass() {
        var f = clean().withRole(role("young").created(daysAgo(10)).lastUsed(null))
                .withRole(role("AWSServiceRoleForSupport").path("/aws-service-role/support.amazonaws.com/").lastUsed(null));
        assertThat(violations(new RoleUnusedRule(), f)).isEmpty();
    }
}
