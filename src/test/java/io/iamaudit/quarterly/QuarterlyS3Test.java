package io.iamaudit.quarterly;

import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunStore;
import io.iamaudit.publish.S3PublishOptions;
import io.iamaudit.publish.S3Publisher;
import io.iamaudit.testsupport.MotoServer;
import io.iamaudit.testsupport.MotoServerExtension;
import io.iamaudit.testsupport.MotoWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Path;

import static io.iamaudit.quarterly.QuarterFixture.Q4;
import static org.assertj.core.api.Assertions.assertThat;

/** The same quarter published to moto's S3 by the real S3 publisher, read back and reported into the bucket. */
@ExtendWith(MotoServerExtension.class)
class QuarterlyS3Test {
    static final String FINDINGS = "Findings at quarter end";
    static final String BUCKET = "audit-store";

    @Test
    void readsTheRunsFromS3AndPublishesTheReportBesideThem(MotoServer moto, @TempDir Path work) throws IOException {
        try (S3Client s3 = MotoWorld.s3(moto)) {
            // given
            s3.createBucket(b -> b.bucket(BUCKET));
            OutputLocation.S3 location = (OutputLocation.S3) OutputLocation.parse("s3://" + BUCKET + "/iam");
            QuarterFixture.publishQuarter(new S3Publisher(s3, location, S3PublishOptions.defaults()), work);
            s3.putObject(b -> b.bucket(BUCKET).key("iam/runs/2026/10/21/r4-oct21/csv/findings.csv"),
                    RequestBody.fromString("Finding id\r\ntampered\r\n"));
            s3.putObject(b -> b.bucket(BUCKET).key("iam/runs/2026/11/10/r6-nov10/csv/findings.csv"),
                    RequestBody.fromString("Finding id\r\n"));
            RunStore store = RunStore.at(location, s3);
            QuarterlyReport report = new QuarterlyReport(QuarterFixture.NIGHTLY, QuarterFixture.TEMPLATE,
                    QuarterFixture.FINAL);

            // when
            QuarterlyReport.Result result = report.generate(report.prepare(new QuarterlyReport.Request(Q4, store,
                    location.toString(), store, new S3Publisher(s3, location, S3PublishOptions.defaults()), null)));

            // then
            assertThat(result.location()).isEqualTo("s3://audit-store/iam/quarterly/2026-Q4/iam-audit-2026-Q4.xlsx");
            assertThat(result.history().runs()).extracting(r -> r.folder().runId() + ":" + r.used())
                    .containsExactly("r1-oct05:true", "r2-oct07:true", "r3-oct14:true", "r4-oct21:false",
                            "r5-nov04:true", "r6-nov10:false", "r7-nov11:false", "r8-nov12:false");
            Manifest manifest = PublishJson.read(s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("iam/quarterly/2026-Q4/manifest.json")).asByteArray(), Manifest.class);
            assertThat(manifest.files()).hasSize(5);
            assertThat(manifest.preliminary()).isFalse();
            try (WorkbookReader workbook = new WorkbookReader(s3.getObject(b -> b.bucket(BUCKET)
                    .key("iam/quarterly/2026-Q4/iam-audit-2026-Q4.xlsx")))) {
                assertThat(workbook.dataRows(FINDINGS)).isEqualTo(4);
                assertThat(workbook.date(FINDINGS, "f-resolved", "Resolved")).isEqualTo("2026-10-14");
                assertThat(workbook.text(FINDINGS, "f-open", "State at quarter end")).isEqualTo("Open");
                assertThat(workbook.text("Runs", "r4-oct21", "Why skipped")).contains("SHA-256");
            }
            assertThat(store.exists(QuarterlyReport.folder(Q4))).isTrue();
        }
    }
}
