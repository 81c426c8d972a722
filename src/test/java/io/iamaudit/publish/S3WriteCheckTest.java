package io.iamaudit.publish;

import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** The output preflight against moto's S3: what exists passes and leaves nothing behind, what does not is one line. */
@ExtendWith(MotoServerExtension.class)
class S3WriteCheckTest {

    @Test
    void aWritableBucketPassesAndKeepsNoPreflightObject(MotoServer moto) {
        try (S3Client s3 = MotoWorld.s3(moto)) {
            s3.createBucket(b -> b.bucket("audit-ok"));
            OutputLocation.S3 location = new OutputLocation.S3("audit-ok", "iam/nightly");

            assertThatCode(() -> S3WriteCheck.check(s3, location, S3PublishOptions.defaults(), "us-east-1"))
                    .doesNotThrowAnyException();
            assertThat(s3.listObjectsV2(r -> r.bucket("audit-ok")).contents()).isEmpty();
        }
    }

    @Test
    void aMissingBucketIsNamedOnOneLine(MotoServer moto) {
        try (S3Client s3 = MotoWorld.s3(moto)) {
            s3.createBucket(b -> b.bucket("audit-present"));

            assertThatThrownBy(() -> S3WriteCheck.check(s3, new OutputLocation.S3("audit-missing", "x"),
                    S3PublishOptions.defaults(), "us-east-1"))
                    .isInstanceOf(S3WriteCheck.OutputNotWritableException.class)
                    .hasMessage("s3://audit-missing/x: bucket 'audit-missing' does not exist");
        }
    }

    @Test
    void aBucketInAnotherRegionThanTheClientSignsForIsRefusedWithTheFix(MotoServer moto) {
        try (S3Client s3 = MotoWorld.s3(moto)) {
            s3.createBucket(b -> b.bucket("audit-eu")
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

            assertThatThrownBy(() -> S3WriteCheck.check(s3, new OutputLocation.S3("audit-eu", ""),
                    S3PublishOptions.defaults(), "us-east-1"))
                    .hasMessageContaining("is in eu-west-1, not in us-east-1")
                    .hasMessageContaining("AWS_REGION");
        }
    }
}
