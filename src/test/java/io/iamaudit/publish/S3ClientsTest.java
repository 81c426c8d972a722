package io.iamaudit.publish;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ClientsTest {

    @Test
    void plainHttpOnlyOnLoopback() {
        assertThatCode(() -> S3Clients.requireTlsUnlessLoopback(URI.create("http://127.0.0.1:5000")))
                .doesNotThrowAnyException();
        assertThatCode(() -> S3Clients.requireTlsUnlessLoopback(URI.create("http://localhost:5000")))
                .doesNotThrowAnyException();
        assertThatCode(() -> S3Clients.requireTlsUnlessLoopback(URI.create("https://s3.eu-west-1.amazonaws.com")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> S3Clients.requireTlsUnlessLoopback(URI.create("http://s3.example.com")))
                .hasMessageContaining("use https");
        assertThatThrownBy(() -> S3Clients.requireTlsUnlessLoopback(URI.create("http://10.0.0.5:9000")))
                .hasMessageContaining("use https");
    }

    @Test
    void theFactoryRefusesAPlainHttpRemoteEndpoint() {
        assertThatThrownBy(() -> S3Clients.create(Region.EU_WEST_1, URI.create("http://minio.internal:9000")))
                .isInstanceOf(IllegalArgumentException.class);
        try (S3Client client = S3Clients.create(Region.EU_WEST_1, URI.create("https://s3.eu-west-1.amazonaws.com"))) {
            assertThatCode(client::serviceName).doesNotThrowAnyException();
            var retry = client.serviceClientConfiguration().overrideConfiguration().retryStrategy();
            assertThat(retry).as("transient failures are retried by the SDK").isPresent();
            assertThat(retry.get().maxAttempts()).isEqualTo(3);
        }
    }
}
