package io.iamaudit.publish;

import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conditional writes on moto's S3: a writer with a stale ETag loses and must merge again; nothing is overwritten. */
@ExtendWith(MotoServerExtension.class)
class S3VersionedObjectTest {
    static S3Client s3;

    @BeforeAll
    static void start(MotoServer moto) {
        s3 = MotoWorld.s3(moto);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void onlyTheWriterHoldingTheCurrentETagWins() {
        s3.createBucket(b -> b.bucket("ledger-cas"));
        S3VersionedObject ledger = object("ledger-cas", "cas/history/findings.csv.gz");
        assertThat(ledger.read()).isEmpty();

        // two writers create at once: If-None-Match: * lets only the first in
        assertThat(ledger.replace(bytes("first"), null)).isTrue();
        assertThat(ledger.replace(bytes("second"), null)).isFalse();

        // two writers read the same version: the second one's If-Match is stale
        VersionedObject.Version read = ledger.read().orElseThrow();
        assertThat(ledger.replace(bytes("org run"), read.tag())).isTrue();
        assertThat(ledger.replace(bytes("account-audit"), read.tag())).isFalse();
        assertThat(new String(ledger.read().orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("org run");
    }

    @Test
    void aMissingBucketIsAnErrorNamingTheObjectAndAwsCodeNeverAbsent() {
        S3VersionedObject ledger = object("no-such-bucket-here", "p/history/findings.csv.gz");

        assertThatThrownBy(ledger::read).isInstanceOf(StoreReadException.class)
                .hasMessageStartingWith("cannot read s3://no-such-bucket-here/p/history/findings.csv.gz: NoSuchBucket");
    }

    private static S3VersionedObject object(String bucket, String key) {
        int slash = key.indexOf('/');
        return new S3VersionedObject(s3, new OutputLocation.S3(bucket, key.substring(0, slash)),
                key.substring(slash + 1), S3PublishOptions.defaults());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
