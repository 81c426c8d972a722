package io.iamaudit.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach AWS (or a look-alike): region, optional endpoint override, base credentials and retry behaviour.
 *
 * @param endpointOverride one endpoint for every service (a sandbox or moto); {@code null} lets the SDK resolve it,
 *                         including its own {@code AWS_ENDPOINT_URL*} handling
 * @param maxAttempts      attempts per call including the first; IAM throttles hard under fan-out, hence the high default
 * @param retryMode        STANDARD or ADAPTIVE (both back off exponentially with jitter)
 * @param throttlingBaseDelay first backoff after a throttling error, doubled per attempt (with jitter, capped at
 *                         20 s); {@code null} keeps the SDK's 1 s. Tests against a throttling sandbox shorten it.
 */
public record AwsSettings(Region region, URI endpointOverride, AwsCredentialsProvider credentials, int maxAttempts,
                          RetryMode retryMode, Duration throttlingBaseDelay) {

    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    public AwsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        retryMode = retryMode == null ? RetryMode.STANDARD : retryMode;
        if (retryMode != RetryMode.STANDARD && retryMode != RetryMode.ADAPTIVE && retryMode != RetryMode.ADAPTIVE_V2) {
            throw new IllegalArgumentException("retry mode must be STANDARD or ADAPTIVE, was " + retryMode);
        }
    }

    /** Region from {@code AWS_REGION} (else us-east-1), default credentials chain, standard retries. */
    public static AwsSettings defaults() {
        return new AwsSettings(regionFromEnvironment(), null, DefaultCredentialsProvider.builder().build(),
                DEFAULT_MAX_ATTEMPTS, RetryMode.STANDARD, null);
    }

    public static Region regionFromEnvironment() {
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? Region.US_EAST_1 : Region.of(region.trim());
    }

    public AwsSettings withEndpointOverride(URI endpoint) {
        return new AwsSettings(region, endpoint, credentials, maxAttempts, retryMode, throttlingBaseDelay);
    }

    public AwsSettings withMaxAttempts(int attempts) {
        return new AwsSettings(region, endpointOverride, credentials, attempts, retryMode, throttlingBaseDelay);
    }

    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(region, endpointOverride, provider, maxAttempts, retryMode, throttlingBaseDelay);
    }

    public AwsSettings withThrottlingBaseDelay(Duration delay) {
        return new AwsSettings(region, endpointOverride, credentials, maxAttempts, retryMode, delay);
    }

    @Override
    public String toString() {
        // never print the credentials object: some providers render their keys
        return "AwsSettings[region=" + region + ", endpointOverride=" + endpointOverride + ", maxAttempts="
                + maxAttempts + ", retryMode=" + retryMode + ", throttlingBaseDelay=" + throttlingBaseDelay + "]";
    }
}
