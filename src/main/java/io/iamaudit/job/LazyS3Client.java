package io.iamaudit.job;

import io.iamaudit.publish.S3Clients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The S3 client for the output store, built only when the output is S3 ({@code AWS_ENDPOINT_URL_S3} points it at an
 * S3 look-alike), and closed when the step is done.
 */
final class LazyS3Client implements Supplier<S3Client>, AutoCloseable {

    private final AuditProperties properties;
    private S3Client client;

    LazyS3Client(AuditProperties properties) {
        this.properties = properties;
    }

    @Override
    public synchronized S3Client get() {
        if (client == null) {
            String endpoint = System.getenv("AWS_ENDPOINT_URL_S3");
            client = S3Clients.create(Region.of(properties.aws().region()),
                    endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
