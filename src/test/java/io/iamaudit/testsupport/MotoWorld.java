package io.iamaudit.testsupport;

import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

/** Settings and clients pointed at a moto server, with obviously fake credentials. */
public final class MotoWorld {

    /** moto's default account: what the base credentials act as. */
    public static final String MANAGEMENT_ACCOUNT = "123456789012";

    private MotoWorld() {
    }

    /** Two attempts: moto answers unimplemented operations with HTTP 500, which must not cost minutes of retries. */
    public static AwsSettings settings(MotoServer moto) {
        return new AwsSettings(Region.US_EAST_1, moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")),
                2, RetryMode.STANDARD, Duration.ofMillis(10));
    }

    public static AwsClientFactory factory(MotoServer moto) {
        return new AwsClientFactory(settings(moto));
    }
}
