package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run where every account failed still yields every sheet and file, with headers and zero totals. */
class EmptyRunReportTest {

    @Test
    void everySheetAndFileExistsWithHeadersOnly(@TempDir Path dir) throws Exception {
        InMemoryStagingRepository repo = new InMemoryStagingRepository();
        repo.saveRun(new AuditRun(SampleRun.RUN_ID, "account-audit", SampleRun.STARTED, null, null,
                "arn:aws:sts::111111111111:assumed-role/IamAuditRole/x", Map.of(), AuditRun.Status.ANALYZED));
        repo.saveCoverage(new AccountCoverage(SampleRun.RUN_ID, "111111111111", "only", "Root",
                AccountCoverage.Status.FAILED, "sts:AssumeRole AccessDenied", null, Map.of()));

        ReportBundle bundle = ReportFixtures.generate(repo, dir);

        assertThat(bundle.files()).hasSize(10);
        assertThat(bundle.files().stream().filter(f -> f.name().startsWith("csv/") && !f.name().endsWith("/coverage.csv")
                        && !f.name().endsWith("/control-matrix.csv")))
                .hasSize(7).allSatisfy(f -> assertThat(f.rows()).as(f.name()).isZero());
        int rules = io.iamaudit.analyze.rules.Rules.catalog().rules().size();
        assertThat(bundle.files().stream().filter(f -> f.name().endsWith("/control-matrix.csv")).findFirst()
                .orElseThrow().rows()).as("every control, NOT EVALUATED for the account not audited").isEqualTo(rules);
        assertThat(bundle.files().get(0).rows()).as("workbook: the one coverage row and the control matrix")
                .isEqualTo(1 + rules);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(bundle.files().get(0).path()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(10);
            assertThat(workbook.getSheet("Findings").getLastRowNum()).isZero();
            assertThat(workbook.getSheet("Coverage").getLastRowNum()).isEqualTo(1);
            assertThat(SummaryReader.value(workbook.getSheet("Summary"), "Organization")).isEqualTo("(no organization)");
            assertThat(SummaryReader.number(workbook.getSheet("Summary"), "Failed")).isEqualTo(1);
        }
        assertThat(Files.readAllLines(dir.resolve("csv/findings.csv"))).hasSize(1);
        assertThat(repo.openStreams()).isZero();
    }

    @Test
    void anUnknownRunIsAClearError(@TempDir Path dir) {
        InMemoryStagingRepository repo = new InMemoryStagingRepository();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFixtures.generate(repo, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SampleRun.RUN_ID);
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }
}
