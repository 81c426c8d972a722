package io.iamaudit.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagingRetentionPropertiesTest {

    @Test
    void retentionIsCountedInWholeDays() {
        assertThat(new StagingRetentionProperties(35).retention()).isEqualTo(Duration.ofDays(35));
        assertThat(new StagingRetentionProperties(1).retention()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aRetentionThatWouldDeleteTheRunsARestartNeedsIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new StagingRetentionProperties(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iam-audit.staging.retention-days must be at least 1, got 0");
        assertThatThrownBy(() -> new StagingRetentionProperties(-5)).hasMessageContaining("got -5");
    }
}
