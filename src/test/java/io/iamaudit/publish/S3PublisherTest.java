package io.iamaudit.publish;

import io.iamaudit.report.ReportBundle;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishes to moto's S3 on a loopback port and reads everything back. */
@ExtendWith(MotoServerExtension.class)
class S3PublisherTest {
    static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    static S3Client s3;
    static ReportBundle monday;
    static ReportBundle tuesday;

    @BeforeAll
    static void start(MotoServer moto) {
        s3 = MotoWorld.s3(moto);
        monday = Bundles.report("run-monday", Instant.parse("2026-11-23T21:00:00Z"));
        tuesday = Bundles.report("run-tuesday", Instant.parse("2026-11-24T21:00:00Z"));
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void everyObjectIsEncryptedPrivateAndMatchesTheManifest() {
        s3.createBucket(b -> b.bucket("audit-sse-s3"));
        OutputLocation.S3 location = new OutputLocation.S3("audit-sse-s3", "iam/nightly");
        PublishedRun published = publisher(location, S3PublishOptions.defaults()).publish(monday);

        assertThat(published.location()).isEqualTo("s3://audit-sse-s3/iam/nightly/runs/2026/11/23/run-monday/");
        String runPrefix = "iam/nightly/runs/2026/11/23/run-monday/";
        Manifest manifest = PublishJson.read(get("audit-sse-s3", runPrefix + "manifest.json").asByteArray(),
                Manifest.class);
        List<String> keys = s3.listObjectsV2(r -> r.bucket("audit-sse-s3").prefix(runPrefix)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(keys).hasSize(manifest.files().size() + 1);
        for (ManifestFile file : manifest.files()) {
            String key = runPrefix + file.path();
            assertThat(Sha256.hex(get("audit-sse-s3", key).asByteArray())).as(key).isEqualTo(file.sha256());
            HeadObjectResponse head = s3.headObject(r -> r.bucket("audit-sse-s3").key(key)
                    .checksumMode(ChecksumMode.ENABLED));
            assertThat(head.serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AES256);
            assertThat(head.checksumSHA256()).as(key).isEqualTo(Sha256.base64OfHex(file.sha256()));
            assertThat(publicGrants("audit-sse-s3", key)).as(key).isEmpty();
        }
        assertThat(get("audit-sse-s3", runPrefix + "iam-audit-run-monday.xlsx").response().contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        LatestPointer latest = PublishJson.read(get("audit-sse-s3", "iam/nightly/latest.json").asByteArray(),
                LatestPointer.class);
        assertThat(latest.manifest()).isEqualTo("runs/2026/11/23/run-monday/manifest.json");
    }

    @Test
    void sseKmsCarriesTheGivenKey() {
        s3.createBucket(b -> b.bucket("audit-sse-kms"));
        publisher(new OutputLocation.S3("audit-sse-kms", ""), S3PublishOptions.defaults().withKms(KMS_KEY))
                .publish(monday);
        HeadObjectResponse head = s3.headObject(r -> r.bucket("audit-sse-kms")
                .key("runs/2026/11/23/run-monday/manifest.json"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
    }

    @Test
    void largeFilesGoUpInPartsAboveTheThreshold(@TempDir Path dir) throws IOException {
        s3.createBucket(b -> b.bucket("audit-multipart"));
        byte[] content = new byte[6 * 1024 * 1024 + 123];
        new Random(42).nextBytes(content);
        Path big = Files.write(dir.resolve("big.bin"), content);
        S3Publisher publisher = new S3Publisher(s3, new OutputLocation.S3("audit-multipart", "p"),
                S3PublishOptions.defaults().withMultipart(1024 * 1024, S3PublishOptions.MIN_PART_SIZE));

        publisher.startRun("runs/2026/11/25/run-big/").put("big.bin", big, Sha256.hex(big));

        String key = "p/runs/2026/11/25/run-big/big.bin";
        assertThat(get("audit-multipart", key).asByteArray()).isEqualTo(content);
        HeadObjectResponse firstPart = s3.headObject(r -> r.bucket("audit-multipart").key(key).partNumber(1));
        assertThat(firstPart.partsCount()).isEqualTo(2);
        assertThat(firstPart.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.listMultipartUploads(r -> r.bucket("audit-multipart")).uploads()).isEmpty();
    }

    @Test
    void refusesARunPrefixThatHoldsAManifest() {
        s3.createBucket(b -> b.bucket("audit-twice"));
        RunPublisher publisher = publisher(new OutputLocation.S3("audit-twice", "x"), S3PublishOptions.defaults());
        publisher.publish(monday);
        String manifestKey = "x/runs/2026/11/23/run-monday/manifest.json";
        String etag = s3.headObject(r -> r.bucket("audit-twice").key(manifestKey)).eTag();

        assertThatThrownBy(() -> publisher.publish(monday)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(s3.headObject(r -> r.bucket("audit-twice").key(manifestKey)).eTag()).isEqualTo(etag);
    }

    @Test
    void replacesWhatAnInterruptedUploadOfTheSameRunLeftWithoutAManifest() {
        s3.createBucket(b -> b.bucket("audit-interrupted"));
        String runPrefix = "x/runs/2026/11/23/run-monday/";
        // given: what a process killed mid-upload leaves: a truncated workbook, a file the new upload does not
        // write, and a multipart upload never completed; no manifest
        s3.putObject(r -> r.bucket("audit-interrupted").key(runPrefix + "iam-audit-run-monday.xlsx"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("truncated"));
        s3.putObject(r -> r.bucket("audit-interrupted").key(runPrefix + "csv/stale.csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("stale"));
        s3.createMultipartUpload(r -> r.bucket("audit-interrupted").key(runPrefix + "csv/findings.csv"));
        // and a look-alike: another run's prefix that starts with the same characters stays untouched
        s3.putObject(r -> r.bucket("audit-interrupted").key("x/runs/2026/11/23/run-monday-2/keep.csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("keep"));

        // when
        publisher(new OutputLocation.S3("audit-interrupted", "x"), S3PublishOptions.defaults()).publish(monday);

        // then: exactly the run's files and its manifest, each matching the manifest
        Manifest manifest = PublishJson.read(get("audit-interrupted", runPrefix + "manifest.json").asByteArray(),
                Manifest.class);
        List<String> keys = s3.listObjectsV2(r -> r.bucket("audit-interrupted").prefix(runPrefix)).contents()
                .stream().map(S3Object::key).toList();
        assertThat(keys).hasSize(manifest.files().size() + 1).doesNotContain(runPrefix + "csv/stale.csv");
        for (ManifestFile file : manifest.files()) {
            assertThat(Sha256.hex(get("audit-interrupted", runPrefix + file.path()).asByteArray()))
                    .as(file.path()).isEqualTo(file.sha256());
        }
        assertThat(s3.listMultipartUploads(r -> r.bucket("audit-interrupted")).uploads()).isEmpty();
        assertThat(get("audit-interrupted", "x/runs/2026/11/23/run-monday-2/keep.csv").asUtf8String())
                .isEqualTo("keep");
    }

    @Test
    void twoRacingPublishersCannotOverwriteEachOthersObjects(@TempDir Path dir) throws IOException {
        s3.createBucket(b -> b.bucket("audit-race"));
        S3Publisher publisher = new S3Publisher(s3, new OutputLocation.S3("audit-race", ""),
                S3PublishOptions.defaults());
        Path first = Files.writeString(dir.resolve("a.csv"), "first\r\n");
        Path second = Files.writeString(dir.resolve("b.csv"), "second\r\n");
        Publisher.RunUpload one = publisher.startRun("runs/2026/11/26/run-race/");
        Publisher.RunUpload two = publisher.startRun("runs/2026/11/26/run-race/");

        one.put("csv/findings.csv", first, Sha256.hex(first));
        assertThatThrownBy(() -> two.put("csv/findings.csv", second, Sha256.hex(second)))
                .isInstanceOf(S3Exception.class).satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(412));
        assertThat(get("audit-race", "runs/2026/11/26/run-race/csv/findings.csv").asUtf8String()).isEqualTo("first\r\n");
    }

    @Test
    void aFailureMidPublishLeavesLatestOnThePreviousRunAndNoManifest() {
        s3.createBucket(b -> b.bucket("audit-failure"));
        OutputLocation.S3 location = new OutputLocation.S3("audit-failure", "");
        publisher(location, S3PublishOptions.defaults()).publish(monday);
        byte[] latestBefore = get("audit-failure", "latest.json").asByteArray();

        RunPublisher failing = new RunPublisher(new FailingPublisher(
                new S3Publisher(s3, location, S3PublishOptions.defaults()), 2), Bundles.CLOCK);
        assertThatThrownBy(() -> failing.publish(tuesday)).hasMessageContaining("injected failure");

        assertThat(get("audit-failure", "latest.json").asByteArray()).isEqualTo(latestBefore);
        assertThat(s3.listObjectsV2(r -> r.bucket("audit-failure").prefix("runs/2026/11/24/")).contents())
                .as("the partial run is removed, so no manifest and a retry is possible").isEmpty();
        publisher(location, S3PublishOptions.defaults()).publish(tuesday);
        assertThat(PublishJson.read(get("audit-failure", "latest.json").asByteArray(), LatestPointer.class).runId())
                .isEqualTo("run-tuesday");
    }

    private static RunPublisher publisher(OutputLocation.S3 location, S3PublishOptions options) {
        return new RunPublisher(new S3Publisher(s3, location, options), Bundles.CLOCK);
    }

    private static ResponseBytes<GetObjectResponse> get(String bucket, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
    }

    private static List<Grant> publicGrants(String bucket, String key) {
        return s3.getObjectAcl(r -> r.bucket(bucket).key(key)).grants().stream()
                .filter(g -> g.grantee().uri() != null && g.grantee().uri().contains("acs.amazonaws.com/groups/global"))
                .toList();
    }
}
