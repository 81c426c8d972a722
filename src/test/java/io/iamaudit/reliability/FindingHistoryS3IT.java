package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import io.iamaudit.publish.LatestPointer;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.report.CsvDialect;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.iamaudit.reliability.FindingHistoryIT.BACKSLASH;
import static io.iamaudit.reliability.FindingHistoryIT.assertKeeps;
import static io.iamaudit.reliability.FindingHistoryIT.expectExit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings ledger in S3 (moto_server): a night with a failed account does not reset the next night's first-seen
 * dates, and a ledger that cannot be read stops the run with one line naming the object, publishing nothing.
 */
@ExtendWith(MotoServerExtension.class)
class FindingHistoryS3IT {
    private static final String BUCKET = "audit-history";

    @TempDir
    Path home;

    @Test
    void aFailedAccountKeepsItsHistoryInS3AndAnUnreadableLedgerStopsTheRun(MotoServer moto) throws Exception {
        try (S3Client s3 = MotoWorld.s3(moto)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            Path scenario = FindingHistoryIT.scenario(home);
            Path deny = TestScenarios.write(home, "deny.yaml", "faults:\n  denyAssumeRole: [\"" + BACKSLASH + "\"]\n");
            JarProcess jar = new JarProcess(home);
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", moto.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
            String out = "s3://" + BUCKET + "/iam-audit";
            Duration timeout = Duration.ofMinutes(4);

            expectExit(jar.run(env, timeout, "org-audit", "--sandbox", scenario.toString(), "--output", out),
                    ExitCode.COMPLETE);
            Map<String, String> night1 = firstSeen(s3);
            expectExit(jar.run(env, timeout, "org-audit", "--sandbox", scenario.toString(), "--sandbox-profile",
                    deny.toString(), "--output", out), ExitCode.ACCOUNTS_FAILED);
            expectExit(jar.run(env, timeout, "org-audit", "--sandbox", scenario.toString(), "--output", out),
                    ExitCode.COMPLETE);

            assertKeeps(night1, firstSeen(s3));

            // a damaged ledger: exit 1, one line naming the object, nothing published, the object left as it was
            String ledgerKey = "iam-audit/history/findings.csv.gz";
            s3.putObject(r -> r.bucket(BUCKET).key(ledgerKey), RequestBody.fromString("damaged"));
            String latest = latest(s3).runId();
            JarProcess.Result damaged = jar.run(env, timeout, "org-audit", "--sandbox", scenario.toString(),
                    "--output", out);
            expectExit(damaged, ExitCode.FAILURE);
            assertThat(damaged.stdout().lines().filter(FindingHistoryIT::isLedgerFailure))
                    .singleElement().asString().contains("s3://" + BUCKET + "/" + ledgerKey);
            assertThat(latest(s3).runId()).isEqualTo(latest);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(ledgerKey)).asUtf8String()).isEqualTo("damaged");
            assertThat(runPrefixes(s3)).hasSize(3);
        }
    }

    private static LatestPointer latest(S3Client s3) {
        return PublishJson.read(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("iam-audit/latest.json"))
                .asByteArray(), LatestPointer.class);
    }

    private static List<String> runPrefixes(S3Client s3) {
        return s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix("iam-audit/runs/")).contents().stream()
                .map(o -> o.key()).filter(k -> k.endsWith("/manifest.json")).toList();
    }

    /** Finding id to first seen, from the findings CSV of the run latest.json points at. */
    private static Map<String, String> firstSeen(S3Client s3) throws Exception {
        String key = "iam-audit/" + latest(s3).runPath() + "csv/findings.csv";
        Map<String, String> dates = new TreeMap<>();
        try (CsvDialect.In csv = CsvDialect.reader(new InputStreamReader(
                s3.getObject(r -> r.bucket(BUCKET).key(key)), StandardCharsets.UTF_8))) {
            List<String> header = List.of(csv.read());
            int id = header.indexOf("Finding id");
            int first = header.indexOf("First seen (UTC)");
            for (String[] row = csv.read(); row != null; row = csv.read()) {
                dates.put(row[id], row[first]);
            }
        }
        return dates;
    }
}
