package io.iamaudit.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCommandSupportTest {

    @Test
    void printsEndpointAndCredentialsOfARunningSandbox() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (SandboxServer server = SandboxCommandSupport.start(0, Path.of("jobs/scenarios/fidelity.yaml"),
                Path.of("jobs/profiles/instant.yaml"), new PrintStream(buffer, true, StandardCharsets.UTF_8));
             SandboxClients c = SandboxClients.management(server)) {
            String out = buffer.toString(StandardCharsets.UTF_8);
            assertThat(out).contains(server.endpoint().toString())
                    .contains("AWS_ACCESS_KEY_ID=" + server.managementCredentials().accessKeyId())
                    .contains("AWS_SECRET_ACCESS_KEY=" + server.managementCredentials().secretAccessKey())
                    .contains("o-fidelity0001");
            assertThat(c.sts().getCallerIdentity().account()).isEqualTo("100000000001");
        }
    }

    @Test
    void badScenarioFileFailsBeforeAnythingStarts() {
        assertThatThrownBy(() -> SandboxCommandSupport.start(0, Path.of("jobs/scenarios/nope.yaml"), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.yaml");
    }
}
