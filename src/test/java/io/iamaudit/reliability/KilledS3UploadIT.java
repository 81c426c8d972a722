package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.publish.LatestPointer;
import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.ManifestFile;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.Sha256;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import io.iamaudit.testsupport.StallingProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the real process in the middle of an S3 upload (moto_server behind a proxy that holds the
 * second object's PUT): the run prefix is left with objects and no manifest, and {@code restart} replaces them and
 * publishes the complete run under the same run id.
 */
@ExtendWith(MotoServerExtension.class)
class KilledS3UploadIT {
    private static final String BUCKET = "audit-killed-upload";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void restartReplacesTheObjectsOfAnUploadKilledBeforeItsManifest(MotoServer moto) throws Exception {
        try (S3Client s3 = MotoWorld.s3(moto);
             StallingProxy proxy = new StallingProxy(moto.endpoint(), "PUT /" + BUCKET + "/nightly/runs/", 2)) {
            // given a bucket, and an S3 endpoint that lets the run's first object through and holds the second
            s3.createBucket(b -> b.bucket(BUCKET));
            Path scenario = TestScenarios.write(dir, "fidelity.yaml", TestScenarios.fidelityYaml());
            Path home = Files.createDirectories(dir.resolve("home"));
            JarProcess jar = new JarProcess(home);
            String output = "s3://" + BUCKET + "/nightly";

            // when the process is killed while its upload waits on the held object
            Process uploading = jar.start(s3Environment(proxy.endpoint()), "org-audit", "--sandbox",
                    scenario.toString(), "--output", output);
            boolean held = proxy.awaitStall(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            uploading.destroyForcibly(); // SIGKILL: no shutdown hook, no abort of the upload
            assertThat(uploading.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(held).as("the upload reached its second object: " + jar.stdoutSoFar()).isTrue();

            // then the run prefix holds what the killed upload left, without a manifest, and latest.json is absent
            List<String> left = keys(s3, "nightly/runs/");
            assertThat(left).isNotEmpty().noneMatch(k -> k.endsWith("/manifest.json"));
            assertThat(keys(s3, "nightly/latest.json")).isEmpty();
            String runPrefix = left.get(0).substring(0, left.get(0).indexOf('/', left.get(0).indexOf("/runs/")
                    + "/runs/yyyy/mm/dd/".length()) + 1);

            // when restarted against S3 directly
            JarProcess.Result restart = jar.run(s3Environment(moto.endpoint()), RUN_TIMEOUT, "restart", "--sandbox",
                    scenario.toString(), "--output", output);

            // then the same run is published whole: every object is in its manifest with the listed SHA-256
            assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCode.COMPLETE);
            assertThat(restart.all()).contains("resuming");
            Manifest manifest = PublishJson.read(bytes(s3, runPrefix + "manifest.json"), Manifest.class);
            assertThat(keys(s3, "nightly/runs/")).hasSize(manifest.files().size() + 1).allMatch(k -> k.startsWith(runPrefix));
            for (ManifestFile file : manifest.files()) {
                assertThat(Sha256.hex(bytes(s3, runPrefix + file.path()))).as(file.path()).isEqualTo(file.sha256());
            }
            LatestPointer latest = PublishJson.read(bytes(s3, "nightly/latest.json"), LatestPointer.class);
            assertThat("nightly/" + latest.runPath()).isEqualTo(runPrefix);
            assertThat(runPrefix).endsWith("/" + manifest.runId() + "/");
        }
    }

    private static Map<String, String> s3Environment(URI endpoint) {
        return Map.of("AWS_ENDPOINT_URL_S3", endpoint.toString(), "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    private static List<String> keys(S3Client s3, String prefix) {
        return s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static byte[] bytes(S3Client s3, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
    }
}
