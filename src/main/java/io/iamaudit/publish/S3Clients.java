package io.iamaudit.publish;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Builds the S3 client the publisher is given: standard retries for transient failures (throttling, 5xx, I/O),
 * checksums whenever the operation supports them, TLS everywhere except a loopback endpoint (the sandbox or moto),
 * and path-style addressing for endpoint overrides, which S3 look-alikes need.
 */
public final class S3Clients {
    private S3Clients() {
    }

    /** @param endpoint {@code null} for AWS itself; otherwise https, or http on a loopback address only */
    public static S3Client create(Region region, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD));
        if (endpoint != null) {
            requireTlsUnlessLoopback(endpoint);
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    static void requireTlsUnlessLoopback(URI endpoint) {
        String scheme = endpoint.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return;
        }
        if ("http".equalsIgnoreCase(scheme) && loopback(endpoint.getHost())) {
            return;
        }
        throw new IllegalArgumentException("refusing S3 endpoint '" + endpoint
                + "': use https (plain http only on a loopback address)");
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
