package io.iamaudit.collect;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientFactoryTest {

    @Test
    void globalServicesUseTheirPartitionsHomeRegion() {
        assertThat(AwsClientFactory.globalServiceRegion(Region.EU_WEST_1)).isEqualTo(Region.US_EAST_1);
        assertThat(AwsClientFactory.globalServiceRegion(Region.US_EAST_1)).isEqualTo(Region.US_EAST_1);
        assertThat(AwsClientFactory.globalServiceRegion(Region.CN_NORTHWEST_1)).isEqualTo(Region.CN_NORTH_1);
        assertThat(AwsClientFactory.globalServiceRegion(Region.US_GOV_EAST_1)).isEqualTo(Region.US_GOV_WEST_1);
    }

    @Test
    void aSessionsClientsAreBuiltOnFirstUseOnceAndNotAfterClose() {
        AwsSettings settings = StubClients.settings(java.net.URI.create("http://127.0.0.1:1"), 8);
        try (AwsClientFactory factory = new AwsClientFactory(settings)) {
            AwsClients clients = factory.baseClients(new CallCounter());
            assertThat(clients.built()).as("nothing built before use").isZero();

            var iam = clients.iam();

            assertThat(clients.iam()).isSameAs(iam);
            assertThat(clients.built()).as("only IAM").isEqualTo(1);
            clients.close();
            assertThatThrownBy(clients::accessAnalyzer).isInstanceOf(IllegalStateException.class);
            assertThat(clients.built()).isEqualTo(1);
        }
    }

    @Test
    void retryStrategyHonoursTheConfiguredAttempts() {
        AwsSettings settings = StubClients.settings(java.net.URI.create("http://127.0.0.1:1"), 8);
        try (AwsClientFactory factory = new AwsClientFactory(settings)) {
            RetryStrategy strategy = factory.retryStrategy();
            assertThat(strategy.maxAttempts()).isEqualTo(8);
        }
        try (AwsClientFactory adaptive = new AwsClientFactory(new AwsSettings(settings.region(), null,
                settings.credentials(), 5, software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2, null))) {
            assertThat(adaptive.retryStrategy().maxAttempts()).isEqualTo(5);
        }
    }

    @Test
    void settingsRejectNonsenseAndNeverPrintCredentials() {
        AwsSettings settings = StubClients.settings(java.net.URI.create("http://127.0.0.1:1"), 8);

        assertThat(settings.toString()).doesNotContain("secretEXAMPLE").doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThatThrownBy(() -> settings.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwsSettings(Region.US_EAST_1, null, settings.credentials(), 3,
                software.amazon.awssdk.core.retry.RetryMode.LEGACY, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
