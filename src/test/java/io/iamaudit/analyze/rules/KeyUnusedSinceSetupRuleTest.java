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

class KeyUnusedSinceSetupRuleTest {
    @Test
    void keyCreatedWithTheUserAndNeverUsedFails() {
        var f = clean().withUser(user("new").created(daysAgo(30)).console(daysAgo(2))
                .key(daysAgo(30).plusSeconds(60), null));
        assertThat(violations(new KeyUnusedSinceSetupRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.subject()).isEqualTo("access_key_1"));
    }

    @Test
    void usedKeyOrKeyCreatedLaterPasses() {
        var f = clean().withUser(user("a").created(daysAgo(30)).console(daysAgo(2)).key(daysAgo(30), daysAgo(1)))
                .withUser(user("b").created(daysAgo(30)).console(daysAgo(2)).key(daysAgo(3), null));
        assertThat(violations(new KeyUnusedSinceSetupRule(), f)).isEmpty();
    }

    @Test
    void aProgrammaticUserWhoseKeyWasMadeWithItPassesCisScopesTheControlToConsoleUsers() {
        var f = clean().withUser(user("loader").created(daysAgo(30)).key(daysAgo(30).plusSeconds(60), null));
        assertThat(violations(new KeyUnusedSinceSetupRule(), f)).isEmpty();
    }
}
