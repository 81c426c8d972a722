package io.iamaudit.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxProfileTest {

    @TempDir
    Path dir;

    @Test
    void realisticProfileHasLatencyDelaysAndBuckets() {
        SandboxProfile p = SandboxProfile.load(Path.of("jobs/profiles/realistic.yaml"));

        assertThat(p.latency().get("default").minMillis()).isEqualTo(20);
        assertThat(p.latency().get("default").maxMillis()).isEqualTo(50);
        assertThat(p.credentialReportDelayMillis()).isEqualTo(3000);
        assertThat(p.lastAccessedDelayMillis()).isEqualTo(1000);
        assertThat(p.throttling().get("iam").scope()).isEqualTo(SandboxProfile.Scope.ACCOUNT);
        assertThat(p.throttling().get("organizations").scope()).isEqualTo(SandboxProfile.Scope.SHARED);
        assertThat(p.throttling().get("access-analyzer").scope()).isEqualTo(SandboxProfile.Scope.SHARED);
        assertThat(p.faults().throttleRate()).containsKey("iam");
    }

    @Test
    void instantProfileIsInstant() {
        SandboxProfile p = SandboxProfile.load(Path.of("jobs/profiles/instant.yaml"));

        assertThat(p.latency()).isEmpty();
        assertThat(p.throttling()).isEmpty();
        assertThat(p.credentialReportDelayMillis()).isZero();
        assertThat(p).isEqualTo(SandboxProfile.instant());
    }

    @Test
    void invalidProfileNamesFileAndField() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "throttling:\n  iam: {capacity: 1, refilPerSecond: 2}\n");

        assertThatThrownBy(() -> SandboxProfile.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("refilPerSecond");
    }

    @Test
    void latencyIsApplied() {
        SandboxProfile slow = new SandboxProfile(1L, null,
                java.util.Map.of("sts:GetCallerIdentity", new SandboxProfile.Latency(150, 150)), null, null, null, null);
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), slow, 0);
             SandboxClients c = SandboxClients.management(server)) {
            c.sts().getCallerIdentity();
            long start = System.nanoTime();
            c.sts().getCallerIdentity();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
        }
    }
}
