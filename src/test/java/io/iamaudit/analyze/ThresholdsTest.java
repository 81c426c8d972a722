package io.iamaudit.analyze;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

    @Test
    void defaultsAreTheBenchmarkValues() {
        Thresholds t = Thresholds.defaults();
        assertThat(List.of(t.unusedDays(), t.keyRotationDays(), t.roleUnusedDays(), t.leastPrivilegeWindowDays(),
                t.gracePeriodDays(), t.minPasswordLength(), t.passwordReuse(), t.maxPasswordAge()))
                .containsExactly(45, 90, 90, 90, 14, 14, 24, 90);
        assertThat(t.requiredTags()).isEmpty();
        assertThat(t.optOutSidPrefix()).isEqualTo("NOREPO");
    }

    @Test
    void nonsenseValuesFailWithTheirName() {
        assertThatThrownBy(() -> new Thresholds(0, 90, 90, 30, 24, 90, 14, 14, 24, 90, null, null, null, null, 0, 0, null))
                .hasMessage("thresholds: unusedDays must be positive, was 0");
        assertThatThrownBy(() -> new Thresholds(45, 90, 90, 30, 24, 90, -1, 14, 24, 90, null, null, null, null, 0, 0, null))
                .hasMessageContaining("gracePeriodDays");
        assertThat(new Thresholds(45, 90, 90, 30, 24, 90, 0, 14, 24, 90, null, " ", null, null, 0, 0, null).optOutSidPrefix())
                .isEqualTo("NOREPO");
    }
}
