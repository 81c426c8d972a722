package io.iamaudit.testsupport;

import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;

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

    /** An S3 client on moto's path-style endpoint, checksums as production sends and checks them. */
    public static S3Client s3(MotoServer moto) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
                .build();
    }

    /** Creates an organization with one member account ("member"); returns the member's account id. */
    public static String organizationWithMember(OrganizationsClient orgs) {
        orgs.createOrganization(r -> r.featureSet("ALL"));
        return orgs.createAccount(r -> r.accountName("member").email("member@example.com"))
                .createAccountStatus().accountId();
    }
}
