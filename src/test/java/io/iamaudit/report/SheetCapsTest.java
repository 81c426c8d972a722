package io.iamaudit.report;

import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sheet caps the evidence of a row; the csv keeps all of it. */
class SheetCapsTest {

    @Test
    void longEvidenceIsCappedInTheSheetAndWholeInTheCsv(@TempDir Path folder) throws Exception {
        // given: one principal with 400 removed permissions (about 30,000 characters of evidence)
        InMemoryStagingRepository repo = SampleRun.repository();
        LeastPrivilegeRecommendation s = SampleRun.recommendation(SampleRun.RUN_ID, "555555555555", "wide");
        List<RemovedPermission> removed = IntStream.range(0, 400).mapToObj(i -> new RemovedPermission(
                "ec2:Action" + i, "last-accessed: ec2 last used 2026-05-12, before the window start 2026-08-30"))
                .toList();
        PolicyProposal p = s.proposals().get(0);
        repo.replaceAnalysis(SampleRun.RUN_ID, "555555555555", List.of(), List.of(), List.of(
                new LeastPrivilegeRecommendation(s.recommendationId(), s.runId(), s.accountId(), s.principalType(),
                        s.principalName(), s.principalArn(), s.verdict(), s.reason(), s.grantedServices(),
                        s.usedServices(), s.unusedServices(), s.grantedActions(), s.usedActions(), s.unusedActions(),
                        s.lastUsed(), s.reductionPercent(), List.of(new PolicyProposal(p.policyName(), p.policyArn(),
                        p.attachment(), p.originalDocument(), p.proposedDocument(), removed, List.of(), true)),
                        s.notes())));

        // when
        ReportFixtures.generate(repo, folder);

        // then
        int column = ReportFixtures.TEMPLATE.tables().stream().filter(t -> t.key().equals("least_privilege"))
                .findFirst().orElseThrow().columns().stream().map(c -> c.key()).toList().indexOf("removed_permissions");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(
                folder.resolve("iam-audit-" + SampleRun.RUN_ID + ".xlsx")))) {
            String cell = null;
            for (Row row : workbook.getSheet("Least privilege")) {
                if (row.getRowNum() > 0 && row.getCell(column) != null
                        && row.getCell(column).getStringCellValue().contains("ec2:Action0 ")) {
                    cell = row.getCell(column).getStringCellValue();
                }
            }
            assertThat(cell).isNotNull().hasSizeLessThan(2_200).contains("ec2:Action0 ")
                    .doesNotContain("ec2:Action399 ").contains("more line(s): the full evidence is in csv/");
        }
        assertThat(Files.readString(folder.resolve("csv/least-privilege.csv"))).contains("ec2:Action399 ");
    }
}
