package io.iamaudit.collect;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.URI;
import java.time.Duration;

/** Clients built by the production factory but pointed at a local stub, with fake credentials. */
final class StubClients {

    private StubClients() {
    }

    static AwsSettings settings(URI endpoint, int maxAttempts) {
        return new AwsSettings(Region.US_EAST_1, endpoint, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secretEXAMPLE")), maxAttempts,
                RetryMode.STANDARD, Duration.ofMillis(5));
    }

    static AwsClientFactory factory(URI endpoint, int maxAttempts) {
        return new AwsClientFactory(settings(endpoint, maxAttempts));
    }

    static IamClient iam(AwsClientFactory factory, CallCounter counter) {
        return factory.iam(factory.settings().credentials(), counter);
    }
}
