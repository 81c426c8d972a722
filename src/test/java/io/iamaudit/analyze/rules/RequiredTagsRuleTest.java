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

class RequiredTagsRuleTest {
    @Test
    void principalsMissingConfiguredTagsFail() {
        var f = clean().withUser(user("a").tag("owner", "x")).withRole(role("r").tag("owner", "y").tag("cost-center", "1"));
        var ctx = context().withThresholds(Thresholds.defaults().withRequiredTags(List.of("owner", "cost-center")));
        assertThat(violations(new RequiredTagsRule(), f.build(), ctx)).extracting(Violation::principalName, Violation::evidence)
                .contains(org.assertj.core.groups.Tuple.tuple("a", "missing tag(s): cost-center"))
                .extracting(t -> t.toArray()[0]).doesNotContain("r");
    }

    @Test
    void noConfiguredTagsMeansNoViolations() {
        assertThat(violations(new RequiredTagsRule(), clean().withUser(user("a")))).isEmpty();
    }
}
